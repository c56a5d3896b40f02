import { describe, expect, it } from 'vitest';
import { checkDisplayName, checkUsername } from '$lib/people/names';
import { passwordWeakness } from './auth/password';
import { localizeCoreMessage } from './core-messages';
import { withLocale } from './i18n';
import { doneMessage } from './imports';
import { waitingMessage } from './import-queue';
import { MAX_SOURCE_BYTES, validateSourceBytes } from '$lib/content/validate';

const refusals = [
	checkUsername(''),
	checkUsername('ab'),
	checkUsername('-abc'),
	checkUsername('pаvel'), // a Cyrillic а among Latin letters
	checkDisplayName(''),
	checkDisplayName('x'.repeat(300)),
	checkDisplayName('<b>'),
	checkDisplayName('123')
].map((check) => (check.ok ? 'accepted' : check.message));
const weaknesses = [
	passwordWeakness('short'),
	passwordWeakness('x'.repeat(300)),
	passwordWeakness('password'),
	passwordWeakness('aigerim2026', 'aigerim'),
	passwordWeakness('aaaaaaaaab')
];

describe('messages of the pure core in the interface language', () => {
	it('every refusal of a name or a password is translated into Kazakh and Russian', () => {
		for (const message of [...refusals, ...weaknesses]) {
			expect(message).toMatch(/[A-Z]/); // English as the core wrote it
			for (const locale of ['kk', 'ru'] as const) {
				const translated = withLocale(locale, () => localizeCoreMessage(message!));
				expect(translated, `${locale}: ${message}`).not.toBe(message);
				expect(translated).toMatch(/[а-яәіңғүұқөһ]/i);
			}
		}
	});

	it('an import job’s progress and outcome are shown in the teacher’s language', () => {
		const messages = [
			'Waiting to start…',
			'Step 1 of 3: cleaning the text and splitting it into lessons…',
			'Step 2 of 3: writing questions for 3 lessons…',
			'Step 3 of 3: saving 1 lesson and their questions…',
			waitingMessage(2),
			doneMessage({ lessons: 5, questions: 30, words: 2000 }),
			doneMessage({ lessons: 5, questions: 0, words: 2000, language: 'kk' }),
			doneMessage({ lessons: 1, questions: 0, words: 20 }),
			doneMessage({ lessons: 5, questions: 0, words: 2000 })
		];
		for (const message of messages) {
			const kk = withLocale('kk', () => localizeCoreMessage(message));
			expect(kk, message).not.toBe(message);
			expect(kk).toMatch(/[әіңғүұқөһ]/);
		}
		const ru = withLocale('ru', () =>
			localizeCoreMessage(doneMessage({ lessons: 5, questions: 0, words: 9000, language: 'ru' }))
		);
		expect(ru).toBe(
			'Из текста на русском языке сделано 5 уроков. Вопросы пока составляются только для текстов на английском: добавьте к этим урокам свои вопросы.'
		);
	});

	it('names the alphabets of a look-alike mix in the language of the page', () => {
		const mixed = checkUsername('pаvel');
		expect(mixed.ok).toBe(false);
		const text = withLocale('ru', () => localizeCoreMessage(mixed.ok ? '' : mixed.message));
		expect(text).toContain('латиница и кириллица');
	});

	it('says in the page’s language why a file or a pasted text is not a text', () => {
		const sent = [
			validateSourceBytes(new Uint8Array([0x41, 0, 0x42]), '"notes.txt"'),
			validateSourceBytes(new Uint8Array([0xff, 0xfe, 0x41]), '"notes.txt"'),
			validateSourceBytes(new TextEncoder().encode('  \n '), 'The pasted text'),
			validateSourceBytes(new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x41), 'The pasted text')
		].map((checked) => (checked.ok ? 'accepted' : `${checked.message}.`));
		for (const message of [...sent, 'The lessons could not be saved. The disk is full.']) {
			for (const locale of ['kk', 'ru'] as const) {
				const translated = withLocale(locale, () => localizeCoreMessage(message));
				expect(translated, `${locale}: ${message}`).not.toBe(message);
				expect(translated).toMatch(/[а-яәіңғүұқөһ]/i);
			}
		}
		expect(withLocale('ru', () => localizeCoreMessage(sent[0]))).toBe(
			'Файл «notes.txt» похож на двоичный файл, а не на текст.'
		);
		expect(withLocale('kk', () => localizeCoreMessage(sent[2]))).toBe('Қойылған мәтін бос.');
		// Another message that happens to end alike is not taken for one of these.
		expect(withLocale('kk', () => localizeCoreMessage('The class name is empty.'))).toBe(
			'The class name is empty.'
		);
	});

	it('leaves an unknown message as it is', () => {
		expect(withLocale('kk', () => localizeCoreMessage('Something else.'))).toBe('Something else.');
	});
});

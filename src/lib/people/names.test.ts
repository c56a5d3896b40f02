import { describe, expect, it } from 'vitest';
import { checkDisplayName, checkUsername, foldName, sameName, scriptsOf } from './names';

const ok = (value: string) => ({ ok: true, value });

describe('usernames', () => {
	it('accept Latin, Cyrillic with the Kazakh letters, and other scripts', () => {
		expect(checkUsername('aigerim.s42')).toEqual(ok('aigerim.s42'));
		expect(checkUsername('Әйгерім_ңғүұқөһ')).toEqual(ok('әйгерім_ңғүұқөһ'));
		expect(checkUsername('Ольга-7')).toEqual(ok('ольга-7'));
		expect(checkUsername('Σωκράτης')).toEqual(ok('σωκράτης'));
		expect(checkUsername('مريم')).toEqual(ok('مريم'));
		expect(checkUsername('山田たろう')).toEqual(ok('山田たろう'));
	});

	it('are NFKC-normalised and lower-cased, so each has one stored form', () => {
		// Full-width letters and digits, a ligature, and й typed as и + combining breve.
		expect(checkUsername('ＡＢＣ１２')).toEqual(ok('abc12'));
		expect(checkUsername('ﬁona')).toEqual(ok('fiona'));
		expect(checkUsername('Сергей'.replace('й', 'и\u0306'))).toEqual(ok('сергей'));
		expect(checkUsername('АЙГЕРІМ')).toEqual(checkUsername('айгерім'));
		expect(foldName('ҚАЗАҚ')).toBe('қазақ');
	});

	it('refuse a mix of look-alike scripts, naming them', () => {
		// "аdmin" with a Cyrillic а, and a Cyrillic name with a Latin "o".
		const mixed = checkUsername('\u0430dmin');
		expect(mixed).toEqual({
			ok: false,
			message: expect.stringContaining('mixes Cyrillic and Latin letters')
		});
		expect(checkUsername('Ольгa').ok).toBe(false);
		expect(checkUsername('alphaβ').ok).toBe(false);
		// Japanese mixes Han, kana and Latin as one way of writing.
		expect(checkUsername('taro山田').ok).toBe(true);
	});

	it('refuse wrong lengths, spaces, symbols and invisible characters with a reason', () => {
		expect(checkUsername('ab')).toMatchObject({ ok: false, message: /3 to 32/ });
		expect(checkUsername('a'.repeat(33)).ok).toBe(false);
		expect(checkUsername('   ')).toMatchObject({ ok: false, message: 'Username is required.' });
		for (const bad of ['two words', 'a<b>c', 'zero\u200bwidth', '.dot', 'emoji😀x']) {
			expect(checkUsername(bad), bad).toMatchObject({ ok: false, message: /letters/ });
		}
	});

	it('tell the scripts of a text apart', () => {
		expect(scriptsOf('ab-12')).toEqual(['Latin']);
		expect(scriptsOf('аb')).toEqual(['Cyrillic', 'Latin']);
	});
});

describe('display names', () => {
	it('keep case, accept any script and tidy spaces', () => {
		expect(checkDisplayName('  Әйгерім   Сәдуақасова ')).toEqual(ok('Әйгерім Сәдуақасова'));
		expect(checkDisplayName("Seán O'Brien-Smith (2B)")).toEqual(ok("Seán O'Brien-Smith (2B)"));
		expect(checkDisplayName('Ｍａｒａｔ')).toEqual(ok('Marat'));
	});

	it('are required and refuse what is no name', () => {
		expect(checkDisplayName('  ')).toMatchObject({ ok: false, message: /required/ });
		expect(checkDisplayName('x'.repeat(61))).toMatchObject({ ok: false, message: /at most 60/ });
		expect(checkDisplayName('<script>')).toMatchObject({ ok: false, message: /letters/ });
		expect(checkDisplayName('Ali\u0000')).toMatchObject({ ok: false });
		expect(checkDisplayName('Ali\u202eevil')).toMatchObject({ ok: false });
		expect(checkDisplayName('1234')).toMatchObject({ ok: false, message: /one letter/ });
	});

	it('compare without case or spacing', () => {
		expect(sameName('Әйгерім  Сәдуақасова', 'ӘЙГЕРІМ сәдуақасова')).toBe(true);
		expect(sameName('Aigerim S', 'Aigerim T')).toBe(false);
	});
});

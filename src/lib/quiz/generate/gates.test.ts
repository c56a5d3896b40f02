import { describe, expect, it } from 'vitest';
import { checkBank, checkLesson, checkQuestion, type Gate } from './gates';
import type { MultipleChoiceQuestion, Question, TrueFalseQuestion } from '../types';

const source = {
	paragraph: 0,
	sentenceIndex: 2,
	sentence:
		"It produces a third of coal, about half of the country's copper and more than 85% of steel."
};

function mc(partial: Partial<MultipleChoiceQuestion>): MultipleChoiceQuestion {
	return {
		id: 'q1',
		type: 'multiple_choice',
		prompt:
			'According to the speech, the Karaganda region produces a third of coal and _____ of steel.',
		options: ['more than 85%', 'about 65%', 'about 70%', 'less than 75%'],
		answer: 'more than 85%',
		explanation: 'The speech says: the region produces more than 85% of steel.',
		difficulty: 0.4,
		source,
		...partial
	};
}

function tf(prompt: string, answer: boolean, sentence = source.sentence): TrueFalseQuestion {
	return {
		id: 'tf1',
		type: 'true_false',
		prompt,
		options: ['True', 'False'],
		answer,
		explanation: 'The speech says so.',
		difficulty: 0.3,
		source: { ...source, sentence }
	};
}

function gates(q: Question): Gate[] {
	return checkQuestion(q).map((v) => v.gate);
}

describe('gates on single questions', () => {
	it('accept a good multiple-choice question', () => {
		expect(checkQuestion(mc({}))).toEqual([]);
	});

	it('catch a missing or repeated key', () => {
		expect(
			gates(mc({ options: ['about 60%', 'about 65%', 'about 70%', 'less than 75%'] }))
		).toContain('one_correct');
		expect(
			gates(mc({ options: ['more than 85%', 'more than 85%', 'about 70%', 'about 65%'] }))
		).toContain('one_correct');
		expect(gates(mc({ options: ['more than 85%', 'about 65%', 'about 70%'] }))).toContain(
			'one_correct'
		);
	});

	it('catch a distractor that the hedge makes true', () => {
		expect(
			gates(mc({ options: ['more than 85%', 'more than 90%', 'about 70%', 'about 65%'] }))
		).toContain('true_distractor');
		expect(
			gates(mc({ options: ['more than 85%', 'about 90%', 'about 70%', 'about 65%'] }))
		).toContain('true_distractor');
	});

	it('catch a part of a whole offered for the whole', () => {
		const sentence =
			'More than 4.2 million hectares of land have already been returned, of which 1.1 million hectares are located in the Karaganda region.';
		const q = mc({
			prompt: 'According to the speech, _____ hectares of land have already been returned.',
			options: ['4.2 million', '1.1 million', '2.4 million', '3.6 million'],
			answer: '4.2 million',
			source: { ...source, sentence }
		});
		expect(gates(q)).toContain('true_distractor');
	});

	it('catch a spelling variant of the key', () => {
		const q = mc({
			prompt:
				'According to the speech, leaders of the Alash movement _____ and Zhakyp Akbaev were born on Karaganda land.',
			options: ['Alikhan Bokeykhan', 'Alikhan Bukeihan', 'Saken Seifullin', 'Elvira Aliyeva'],
			answer: 'Alikhan Bokeykhan'
		});
		expect(gates(q)).toContain('variant_distractor');
	});

	it('catch a distractor named in the same sentence', () => {
		const q = mc({
			prompt:
				'According to the speech, the great writers _____, Gabiden Mustafin and Kasym Amanzholov were born here in the region.',
			options: ['Saken Seifullin', 'Gabiden Mustafin', 'Elvira Aliyeva', 'Alexei Berga'],
			answer: 'Saken Seifullin',
			source: {
				...source,
				sentence:
					'Our great writers Saken Seifullin, Gabiden Mustafin, Kasym Amanzholov were born on this fertile land.'
			}
		});
		expect(gates(q)).toContain('true_distractor');
	});

	it('catch prompts that lean on the previous sentence', () => {
		for (const prompt of [
			'According to the speech, the Ministry of Ecology needs to control this issue.',
			'According to the speech, such measures are being implemented throughout the country.',
			'According to the speech, the latter is especially important for the residents.',
			'He also expressed confidence that the owners will find opportunities to raise wages.',
			'They can and should act as platforms for the relocation of foreign companies.',
			'According to the speech, it should be equipped with modern equipment soon.',
			'Therefore, the Government is instructed to complete the formation of the zone.',
			'According to the speech, I instruct the Government to complete the roads next year.',
			'According to him, activities in the areas directly affect the lives of citizens.'
		])
			expect(gates(mc({ prompt })), prompt).toContain('leans_on_previous');
	});

	it('accept a resolved subject and an expletive "it"', () => {
		expect(
			gates(
				mc({
					prompt:
						'According to the speech, the President instructs the _____ to complete the roads next year.'
				})
			)
		).not.toContain('leans_on_previous');
		expect(
			gates(
				mc({
					prompt: 'According to the speech, it is necessary to repair the _____ highway next year.'
				})
			)
		).not.toContain('leans_on_previous');
	});

	it('catch leftover quote marks and speaker tags', () => {
		expect(
			gates(
				mc({
					prompt:
						'According to the speech, the national project "_____" was launched in the country.'
				})
			)
		).toContain('quote_or_tag');
		expect(
			gates(mc({ prompt: 'The region is the locomotive of the _____ sector, the President said.' }))
		).toContain('quote_or_tag');
		expect(
			gates(mc({ prompt: 'The region develops _____ in all sectors, Kassym-Jomart Tokayev said.' }))
		).toContain('quote_or_tag');
		expect(
			gates(mc({ prompt: 'The region develops _____ in all sectors, said the head of state.' }))
		).toContain('quote_or_tag');
	});

	it('catch broken fragments', () => {
		expect(gates(mc({ prompt: 'rightfully occupies a special place in _____.' }))).toContain(
			'fragment'
		);
		expect(gates(mc({ prompt: 'Zhomart Tokaev.' }))).toContain('fragment');
		expect(
			gates(mc({ prompt: 'The mountains.rightfully occupy a place in the _____ of the country.' }))
		).toContain('fragment');
		expect(
			gates(mc({ prompt: 'According to the speech, the region produces most of the steel of the' }))
		).toContain('fragment');
	});

	it('refuse a blank with too little around it to settle the answer', () => {
		const thin = 'Complete the sentence from the speech: The _____ is being created now.';
		expect(gates(mc({ prompt: thin }))).toContain('fragment');
		expect(
			gates(mc({ prompt: 'According to the speech, not all _____ fully benefit the country.' }))
		).toContain('fragment');
		// The speaker is no clue; the clues that remain here are enough.
		const enough =
			'According to the speech, the President expressed his proposals for the development of _____ towns.';
		expect(gates(mc({ prompt: enough }))).not.toContain('fragment');
	});

	it('catch true/false statements the text does not settle', () => {
		const sentence = 'In 176 villages of the region there is no clean water.';
		expect(
			gates(
				tf('True or false: In 176 villages of the region there is no clean water.', true, sentence)
			)
		).toEqual([]);
		expect(
			gates(
				tf('True or false: In 196 villages of the region there is no clean water.', false, sentence)
			)
		).toEqual([]);
		expect(
			gates(
				tf('True or false: In 196 villages of the region there is no clean water.', true, sentence)
			)
		).toContain('unsettled_true_false');
		expect(
			gates(
				tf(
					'True or false: In 176 villages of the region there is not a clean river.',
					false,
					'In 176 villages of the region there is clean water.'
				)
			)
		).toContain('unsettled_true_false');
		expect(
			gates(
				tf('True or false: In 176 villages of the region there is no clean water.', false, sentence)
			)
		).toContain('unsettled_true_false');
		const hedged = 'More than 500 kilometers of the highway need repair in the region.';
		expect(
			gates(
				tf(
					'True or false: More than 700 kilometers of the highway need repair in the region.',
					false,
					hedged
				)
			)
		).toContain('unsettled_true_false');
	});
});

describe('gates across a lesson and a bank', () => {
	it('catch duplicates and near-duplicates', () => {
		const a = mc({ id: 'a' });
		const b = mc({ id: 'b', prompt: a.prompt.replace('produces', 'produced') });
		const c = mc({
			id: 'c',
			options: ['more than 85%', 'about 60%', 'about 70%', 'less than 75%']
		});
		const gatesHit = checkLesson([a, b, c]).map((v) => v.gate);
		expect(gatesHit.filter((g) => g === 'duplicate').length).toBeGreaterThanOrEqual(2);
	});

	it('catch a key always in the same position and an unbalanced true/false set', () => {
		const qs: Question[] = [];
		for (let i = 0; i < 8; i++)
			qs.push(
				mc({
					id: `m${i}`,
					prompt: `According to the speech, question number ${'abcdefgh'[i]} asks about _____ of steel.`,
					source: { ...source, sentenceIndex: i + 1, sentence: `S${i}` }
				})
			);
		for (let i = 0; i < 8; i++)
			qs.push({
				...tf(
					`True or false: Statement ${'abcdefgh'[i]} about the region is here.`,
					true,
					`Statement ${'abcdefgh'[i]} about the region is here.`
				),
				id: `t${i}`
			});
		const report = checkBank({ lesson: qs });
		const hit = new Set(report.violations.map((v) => v.gate));
		expect(hit.has('key_spread')).toBe(true);
		expect(hit.has('true_false_balance')).toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import { feedbackText, quotes } from './feedback-text';

const sentence =
	'Leaders of the Alash movement Alikhan Bokeykhan, Zhakyp Akbaev and Alimkhan Ermekov were born on Karaganda land.';

describe('feedbackText', () => {
	it('shows a fill-in sentence once: the question, not its filled-in copy or the source', () => {
		const text = feedbackText({
			prompt:
				'Complete the sentence from the speech: Leaders of the Alash movement Alikhan Bokeykhan, Zhakyp Akbaev and _____ were born on Karaganda land.',
			explanation: `The speech says: ${sentence}`,
			sentence,
			expected: 'Alimkhan Ermekov'
		});
		expect(text.explanation).toBeNull();
		expect(text.sentence).toBeNull();
		expect(text.prompt).toContain('_____');
	});

	it('keeps the explanation of a false statement: it says what the text really says', () => {
		const text = feedbackText({
			prompt:
				'True or false: Leaders of the Alash movement Alikhan Bokeykhan, Zhakyp Akbaev and Alimkhan Ermekov were born on Pavlodar land.',
			explanation: `The speech says: ${sentence}`,
			sentence,
			expected: 'False'
		});
		expect(text.explanation).toBe(`The speech says: ${sentence}`);
		// The explanation quotes the sentence: it is not quoted a second time.
		expect(text.sentence).toBeNull();
	});

	it('keeps an explanation that answers a short question, and then leaves the sentence out', () => {
		const text = feedbackText({
			prompt: 'Where were the Alash leaders born?',
			explanation: `The speech says: ${sentence}`,
			sentence,
			expected: 'Karaganda land'
		});
		expect(text.explanation).not.toBeNull();
		expect(text.sentence).toBeNull();
	});

	it('quotes the sentence when nothing else holds it', () => {
		const text = feedbackText({
			prompt: 'Where were the Alash leaders born?',
			explanation: '',
			sentence,
			expected: 'Karaganda land'
		});
		expect(text.explanation).toBeNull();
		expect(text.sentence).toBe(sentence);
	});

	it('a teacher’s own explanation stays', () => {
		const text = feedbackText({
			prompt: 'Where were the Alash leaders born?',
			explanation: 'Karaganda land is the region around the city of Karaganda.',
			sentence,
			expected: 'Karaganda land'
		});
		expect(text.explanation).toBe('Karaganda land is the region around the city of Karaganda.');
		expect(text.sentence).toBe(sentence);
	});
});

describe('quotes', () => {
	it('ignores quotation marks, case and a blank', () => {
		expect(quotes(`“${sentence.toUpperCase()}”`, sentence)).toBe(true);
		expect(quotes('Where were the Alash leaders born?', sentence)).toBe(false);
	});
});

describe('feedbackText with the generator’s other phrasings', () => {
	it('a possessive blank and an "According to the speech" question are the same sentence', () => {
		expect(
			feedbackText({
				prompt:
					"Complete the sentence from the speech: The local places where _____'s kyui and Madi's songs were first performed are considered the sacred cradle of Kazakh art.",
				explanation:
					"The speech says: The local places where Tattimbet's kyui and Madi's songs were first performed are considered the sacred cradle of Kazakh art.",
				sentence: '',
				expected: 'Tattimbet'
			}).explanation
		).toBeNull();
		expect(
			feedbackText({
				prompt:
					'According to the speech, the Karaganda region is the birthplace of many prominent figures. Leaders of the Alash movement Alikhan Bokeykhan, _____, Alimkhan Ermekov were born on Karaganda land.',
				explanation:
					'The speech says: The Karaganda region is the birthplace of many prominent figures. Leaders of the Alash movement Alikhan Bokeykhan, Zhakyp Akbaev, Alimkhan Ermekov were born on Karaganda land.',
				sentence: '',
				expected: 'Zhakyp Akbaev'
			}).explanation
		).toBeNull();
	});
});

/** A small bank with every question type and awkward characters, used by the exporter tests. */
import type { BankExport } from './types';

const source = (i: number, sentence: string) => ({ paragraph: 0, sentence, sentenceIndex: i });

export const sampleBank: BankExport = {
	title: 'Karaganda: "steel" & {coal} / Қарағанды',
	questions: [
		{
			id: 'mc-1',
			type: 'multiple_choice',
			prompt: 'Which city {the "Steel" city} = home of <b>Qarmet</b>: ~#1 in Қазақстан?',
			options: ['Karaganda', 'Temirtau', 'Balkhash = lake', 'Zhez{kaz}gan ~ #2'],
			answer: 'Temirtau',
			explanation: 'Temirtau: "the city of steel" #1.',
			difficulty: 0.4,
			source: source(3, 'Temirtau, the city of steel, is home to Qarmet.')
		},
		{
			id: 'tf-2',
			type: 'true_false',
			prompt: 'Ермеков was born in 1891 & taught at <i>Tomsk</i>: true?',
			options: ['True', 'False'],
			answer: false,
			explanation: 'He was born in 1890.',
			difficulty: 0.6,
			source: source(5, 'Alikhan Ermekov was born in 1890.')
		},
		{
			id: 'fb:3',
			type: 'fill_blank',
			prompt: 'The mathematician _____ {a.k.a. "Ermekov"} wrote a textbook.',
			options: [],
			answer: 'Ermekov',
			accept: ['Yermekov', 'Ермеков', 'Ermekov = A.'],
			explanation: '',
			difficulty: 0.7,
			source: source(6, 'Ermekov wrote the first Kazakh mathematics textbook.')
		},
		{
			id: 'num-4',
			type: 'numeric',
			prompt: 'How many tonnes (in millions) ~ of coal: per year?',
			options: [],
			answer: 4.2,
			tolerance: 0.15,
			unit: 'million tonnes',
			explanation: 'About 4.2 million tonnes.',
			difficulty: 0.5,
			source: source(8, 'The region mines 4.2 million tonnes of coal a year.')
		},
		{
			id: 'match-5',
			type: 'matching',
			prompt: 'Match each name: to its kind {one each}.',
			options: ['region', 'writer & poet', 'city = town', 'river'],
			pairs: [
				['Ulytau', 'region'],
				['Abai <Qunanbaiuly>', 'writer & poet'],
				['Temirtau: "steel"', 'city = town']
			],
			explanation: 'Names from the speech.',
			difficulty: 0.3,
			source: source(9, 'Ulytau, Abai and Temirtau are mentioned.')
		},
		{
			id: 'num-6',
			type: 'numeric',
			prompt: 'Share of exports in %?',
			options: [],
			answer: -0.5,
			tolerance: 0,
			unit: '',
			explanation: '',
			difficulty: 0.5,
			source: source(10, 'Exports fell 0.5%.')
		}
	]
};

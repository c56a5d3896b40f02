/** Number words and fractions that count as figures. */

export const NUMBER_WORDS: Record<string, number> = {
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	fifteen: 15,
	twenty: 20,
	thirty: 30,
	forty: 40,
	fifty: 50,
	hundred: 100,
	dozen: 12
};

export const FRACTION_WORDS: Record<string, number> = {
	half: 0.5,
	third: 1 / 3,
	quarter: 0.25,
	'two thirds': 2 / 3,
	'three quarters': 0.75
};

export const SCALE_WORDS: Record<string, number> = {
	thousand: 1e3,
	million: 1e6,
	billion: 1e9,
	trillion: 1e12
};

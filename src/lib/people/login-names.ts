/**
 * Usernames made from a student's name for accounts a teacher creates: plain Latin letters, so
 * they can be typed on any phone's keyboard ("Әйгерім Сәдуақасова" → "aigerim.s"). The server
 * adds digits to make each one unique. Pure: no framework, no database.
 */

/** Russian and Kazakh Cyrillic (and Ukrainian's own letters) in plain Latin letters. */
const CYRILLIC: Record<string, string> = {
	а: 'a',
	ә: 'a',
	б: 'b',
	в: 'v',
	г: 'g',
	ғ: 'g',
	ґ: 'g',
	д: 'd',
	е: 'e',
	є: 'ye',
	ё: 'yo',
	ж: 'zh',
	з: 'z',
	и: 'i',
	і: 'i',
	ї: 'yi',
	й: 'i',
	к: 'k',
	қ: 'q',
	л: 'l',
	м: 'm',
	н: 'n',
	ң: 'n',
	о: 'o',
	ө: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	у: 'u',
	ұ: 'u',
	ү: 'u',
	ф: 'f',
	х: 'kh',
	һ: 'h',
	ц: 'ts',
	ч: 'ch',
	ш: 'sh',
	щ: 'shch',
	ъ: '',
	ы: 'y',
	ь: '',
	э: 'e',
	ю: 'yu',
	я: 'ya'
};

/** Latin letters that do not decompose into a base letter and marks. */
const LATIN_EXTRA: Record<string, string> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ı: 'i',
	ŋ: 'n'
};

/** Greek letters (accents are dropped first). */
const GREEK: Record<string, string> = {
	α: 'a',
	β: 'v',
	γ: 'g',
	δ: 'd',
	ε: 'e',
	ζ: 'z',
	η: 'i',
	θ: 'th',
	ι: 'i',
	κ: 'k',
	λ: 'l',
	μ: 'm',
	ν: 'n',
	ξ: 'x',
	ο: 'o',
	π: 'p',
	ρ: 'r',
	σ: 's',
	ς: 's',
	τ: 't',
	υ: 'y',
	φ: 'f',
	χ: 'ch',
	ψ: 'ps',
	ω: 'o'
};

const SPELLINGS: Record<string, string> = { ...CYRILLIC, ...LATIN_EXTRA, ...GREEK };

/** A word in plain a–z (letters with no Latin spelling here are dropped). */
export function toPlainLatin(word: string): string {
	let out = '';
	for (const char of word.normalize('NFKC').toLowerCase()) {
		if (char in SPELLINGS) {
			out += SPELLINGS[char];
			continue;
		}
		// A letter with accents: its base letter ("é" → "e", "ά" → "α" → "a").
		const base = char.normalize('NFD')[0];
		out += base in SPELLINGS ? SPELLINGS[base] : base.replace(/[^a-z]/g, '');
	}
	return out;
}

const BASE_MAX = 20;

/**
 * The start of a generated username: the first name and the first letter of the last
 * ("Aigerim Nurlanovna Sadykova" → "aigerim.s"), or "student" when the name has no letter
 * with a Latin spelling (a name in Chinese or Arabic letters, for example).
 */
export function loginNameBase(displayName: string): string {
	const words = displayName
		.split(/[\s.,'’ʼ()-]+/u)
		.map(toPlainLatin)
		.filter(Boolean);
	if (words.length === 0) return 'student';
	const first = words[0].slice(0, BASE_MAX);
	return words.length > 1 ? `${first}.${words.at(-1)![0]}` : first;
}

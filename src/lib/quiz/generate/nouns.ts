/**
 * Coarse kinds of common nouns from cheap generic cues (endings and a few everyday words), so that a
 * vocabulary question offers wrong options of the key's kind: people for a person, materials for a
 * material, institutions for a place.
 */

export type NounKind =
	| 'person'
	| 'group'
	| 'place'
	| 'organization'
	| 'material'
	| 'animal'
	| 'money'
	| 'abstract'
	| 'activity'
	| 'other';

const words = (text: string): Set<string> => new Set(text.split(/\s+/).filter(Boolean));

const PERSON = words(
	'teacher worker head miner leader resident citizen student pupil owner member expert specialist ' +
		'doctor nurse engineer farmer builder driver officer official employee manager director chief ' +
		'investor entrepreneur businessman athlete champion coach trainer writer poet composer artist ' +
		'scientist scholar professor graduate veteran hero child children youth mother father parent ' +
		'volunteer representative deputy minister mayor governor judge lawyer police policeman soldier ' +
		'patient pensioner author singer musician user holder partner colleague friend person people ' +
		'man men woman women boy girl akim'
);
/** Ending in -er/-or but not people. */
const NOT_PERSON = words(
	'water copper number order power center centre matter border winter summer paper letter river ' +
		'silver timber fiber fibre computer container transformer printer heater boiler filter sector ' +
		'factor indicator generator motor tractor reactor corridor floor door error color colour labor ' +
		'labour favor favour honor honour mirror terror meteor vigor layer cluster quarter chapter ' +
		'register character barrier shelter theater theatre meter metre liter litre fever weather ' +
		'feather leather rubber butter sugar dinner disaster monitor elevator calculator radiator ' +
		'conductor semiconductor vector parameter manner banner tower hour guarantee committee degree ' +
		'coffee'
);
const GROUP = words(
	'nation nations society societies community communities generation generations population ' +
		'populations public youth family families team teams staff personnel workforce crew army ' +
		'peoples ethnos diaspora'
);
const PLACE = words(
	'zone region city town village centre center district settlement country state republic park ' +
		'field mountain lake river sea coast shore valley steppe desert forest island territory area ' +
		'province oblast capital street square road highway railway bridge border municipality suburb ' +
		'neighbourhood neighborhood house building yard bank'
);
const ORGANIZATION = words(
	'university school hospital ministry company enterprise plant mine factory clinic institution ' +
		'organization organisation agency firm corporation station airport port museum theatre theater ' +
		'library stadium college academy institute laboratory office court prison market shop store ' +
		'farm workshop facility complex kindergarten akimat headquarters refinery quarry pit colliery ' +
		'mill smelter lyceum gymnasium council committee parliament government department'
);
const ANIMAL = words('horse cattle sheep camel goat poultry fish livestock cow bird wolf dog');
const MONEY = words(
	'wage salary pension fund budget tax price income revenue subsidy loan credit fee payment ' +
		'deduction money cost grant allowance benefit'
);
/** Organisations that are near-synonyms of each other: never offered for one another. */
const NEAR_SYNONYMS = [
	words('enterprise company firm business corporation plant factory concern'),
	words('city town municipality'),
	words('village settlement'),
	words('region province oblast district territory area zone'),
	words('school college academy institute university'),
	words('hospital clinic'),
	words('country state republic nation'),
	words('material resource mineral raw'),
	words('mine pit colliery quarry deposit'),
	words('land pasture soil'),
	words('steel iron metal'),
	words('worker employee staff personnel workforce'),
	words('citizen resident'),
	words('head chief leader director manager'),
	words('justice equity fairness equality'),
	words('growth progress development advance'),
	words('production manufacturing output'),
	words('cooperation partnership collaboration'),
	words('obligation duty responsibility commitment'),
	words('aspiration hope dream ambition'),
	words('achievement success accomplishment'),
	words('value principle norm standard')
];
const MATERIAL = words(
	'water coal copper steel gas oil land pasture iron gold silver ore metal uranium zinc aluminum ' +
		'aluminium timber wood grain wheat cotton fuel electricity heat cement concrete sand soil ' +
		'material materials mineral minerals resource resources petroleum glass plastic paper ' +
		'meat milk food salt stone rock clay coke manganese titanium tungsten nickel lithium chromium ' +
		'fertilizer fertilizers energy hydrocarbons metals ores crops crop fodder hay vegetables fruit'
);
const ABSTRACT = words(
	'value principle norm standard rule right law tradition virtue idea goal aim task priority ' +
		'policy strategy economy culture heritage history science art knowledge health safety peace ' +
		'harmony justice freedom unity trust faith hope welfare wellbeing progress growth support ' +
		'duty honor honour pride love respect truth belief spirit skill potential quality security ' +
		'equity responsibility obligation prestige status opportunity challenge success future'
);

const ABSTRACT_ENDING =
	/(?:tion|sion|ment|ness|ity|ance|ence|ism|ship|age|hood|dom|ogy|ics|ency|ancy|ure)$/;

/** Singular form by simple rules ("enterprises" -> "enterprise", "cities" -> "city"). */
export function singular(word: string): string {
	if (/(?:ss|us|is|ics)$/.test(word)) return word;
	if (/[^aeiou]ies$/.test(word)) return word.slice(0, -3) + 'y';
	if (/(?:ches|shes|sses|xes|zes)$/.test(word)) return word.slice(0, -2);
	if (/s$/.test(word) && word.length > 3) return word.slice(0, -1);
	return word;
}

export function isPlural(word: string): boolean {
	if (word === 'people' || word === 'children' || word === 'men' || word === 'women') return true;
	return singular(word) !== word;
}

/**
 * The kind of a lower-case common noun. `vocabulary` (the document's words) lets an -er/-or word
 * count as a person when the text also has its verb ("teacher" with "teach", "trainer" with "train").
 */
export function nounKind(word: string, vocabulary?: Set<string>): NounKind {
	const w = word.toLowerCase();
	const one = singular(w);
	const last = one.split('-').pop() ?? one;
	for (const form of [w, one, last]) {
		if (GROUP.has(form)) return 'group';
		if (PERSON.has(form) && !NOT_PERSON.has(form)) return 'person';
		if (ORGANIZATION.has(form)) return 'organization';
		if (PLACE.has(form)) return 'place';
		if (ANIMAL.has(form)) return 'animal';
		if (MONEY.has(form)) return 'money';
		if (MATERIAL.has(form)) return 'material';
		if (ABSTRACT.has(form)) return 'abstract';
	}
	if (/ing$/.test(last) && last.length > 5) return 'activity';
	if (NOT_PERSON.has(last)) return 'other';
	if (ABSTRACT_ENDING.test(last)) return 'abstract';
	if (/(?:ist|ian|ee|eur)$/.test(last) && last.length > 5) return 'person';
	const agent = last.match(/^(.{3,}?)(e?r|or)$/);
	if (agent && last.length > 5) {
		const stem = agent[1];
		if (
			!vocabulary ||
			[stem, stem + 'e', stem + 'ing', stem + 's', stem.replace(/([^aeiou])\1$/, '$1')].some((f) =>
				vocabulary.has(f)
			)
		)
			return 'person';
	}
	return 'other';
}

/**
 * Words that cover others of their kind (workers are people, a plant is a facility): as wrong
 * options they would often be true as well.
 */
const HYPERNYMS = words(
	'people person individual citizen resident population public worker employee staff ' +
		'personnel area place territory facility institution organization organisation material ' +
		'resource thing object'
);

export function isHypernym(word: string): boolean {
	const w = word.toLowerCase();
	return HYPERNYMS.has(w) || HYPERNYMS.has(singular(w));
}

/** Whether two nouns are near-synonyms (so one cannot be a wrong option for the other). */
export function nearSynonyms(a: string, b: string): boolean {
	const sa = singular(a.toLowerCase());
	const sb = singular(b.toLowerCase());
	return NEAR_SYNONYMS.some((set) => set.has(sa) && set.has(sb));
}

/** Shared-stem check: "producer"/"production", "enterprise"/"enterprises". */
export function sameStem(a: string, b: string): boolean {
	const x = singular(a.toLowerCase());
	const y = singular(b.toLowerCase());
	if (x === y || x.includes(y) || y.includes(x)) return true;
	let n = 0;
	while (n < x.length && n < y.length && x[n] === y[n]) n++;
	return n >= 5 || n >= Math.min(x.length, y.length) * 0.75;
}

export type AbstractSense = 'idea' | 'quality' | 'domain' | 'process';

const IDEA = words(
	'value principle norm standard rule right law tradition virtue idea goal aim task priority ' +
		'policy strategy obligation aspiration achievement need interest hope dream duty belief skill ' +
		'opportunity challenge requirement demand request proposal'
);
const QUALITY = words(
	'justice peace harmony freedom unity trust faith welfare wellbeing health safety security equity ' +
		'pride respect truth spirit quality status prestige success statehood stability tolerance'
);
const DOMAIN = words(
	'economy infrastructure science education culture heritage history art knowledge tourism ' +
		'industry agriculture healthcare medicine sport technology ecology'
);

/** Finer sense of an abstract noun: values and aims, qualities, fields, or processes. */
export function abstractSense(word: string): AbstractSense {
	const w = singular(word.toLowerCase());
	if (IDEA.has(w)) return 'idea';
	if (DOMAIN.has(w)) return 'domain';
	if (QUALITY.has(w)) return 'quality';
	if (/(?:ity|ness|dom|hood|ship|ism|ance|ence|cy)$/.test(w)) return 'quality';
	return 'process';
}

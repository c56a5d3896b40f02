/**
 * Property-based tests over every form action: random, oversized, unicode, HTML, SQL-looking,
 * missing, repeated and wrongly typed fields get a 4xx with a message for people, never a 500,
 * and leave the database as it was (or, where the random input is a legitimate use, succeed).
 */
import fc from 'fast-check';
import { test, expect, createUser, TEST_PASSWORD, type AppServer, type TestUser } from './fixtures';
import {
	alertText,
	assignAs,
	bundledLesson,
	changedTables,
	createClassAs,
	dbSnapshot,
	errorPageText,
	isFile,
	joinAs,
	post,
	rand,
	routesOnDisk,
	answerAttempt,
	liveGameAs,
	send,
	startAssignmentAs,
	type FieldValue,
	type FilePart,
	type Pair,
	type Sent
} from './access-matrix.world';
import { checkDisplayName, checkUsername } from '../../src/lib/people/names';
import { readNameList } from '../../src/lib/people/name-list';
import { MAX_NICKNAME, MAX_SECONDS, MIN_SECONDS } from '../../src/lib/quiz/live/game';

// ---------------------------------------------------------------- generators

/** Raw markup that must never come back unescaped. */
const PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];

const NASTY = [
	...PAYLOADS,
	'"><svg onload=alert(1)>',
	"'; drop table users; --",
	"1' OR '1'='1",
	'Robert"); DELETE FROM classes; --',
	'Қазақстан Республикасы — Қарағанды облысы',
	'Привет, мир',
	'👩🏽‍🏫📚🇰🇿',
	'مرحبا بالعالم',
	'שלום עולם',
	'\u200b\u200c\u200d\u2060\ufeff',
	'\u202eevil\u202c',
	'a\u0000b',
	'../../etc/passwd',
	'{{7*7}}',
	'${7*7}',
	'null',
	'undefined',
	'NaN',
	'Infinity',
	'-1',
	'1e309',
	'0x1F',
	'2024-02-30T25:61',
	'  \t\n ',
	'',
	'%00',
	'&amp;&lt;',
	'\\',
	'\r\n\r\n',
	'[object Object]',
	'__proto__',
	'constructor'
];

const nasty = fc.constantFrom(...NASTY);
const anyText: fc.Arbitrary<string> = fc.oneof(
	{ weight: 4, arbitrary: nasty },
	{ weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.integer().map(String) },
	{ weight: 1, arbitrary: fc.double().map(String) },
	{ weight: 1, arbitrary: fc.date().map((d) => String(d)) }
);
/** About 100 000 characters of one kind. */
const huge: fc.Arbitrary<string> = fc
	.constantFrom('x', 'ж', '🙂', '<b>', "' or 1=1 --", '\u200b', 'ق')
	.map((s) => s.repeat(Math.ceil(100_000 / s.length)));
const anyValue = fc.oneof({ weight: 9, arbitrary: anyText }, { weight: 1, arbitrary: huge });
const longerThan = (n: number) =>
	fc.oneof(
		huge,
		fc
			.string({ unit: 'grapheme', minLength: n + 1, maxLength: n + 40 })
			.filter((s) => s.trim().length > n)
	);
const trimmedAtMost = (n: number) => anyText.filter((s) => s.trim().length <= n);

const FILE_IN_TEXT: FilePart = { file: true, name: 'x.txt', type: 'text/plain', data: 'hello' };

interface FieldSpec {
	valid: fc.Arbitrary<string>;
	/** Values the action must refuse. Without it the field is never the defect. */
	invalid?: fc.Arbitrary<string>;
	/** Leaving the field out is itself invalid. */
	required?: boolean;
}

type Defect = 'invalid' | 'missing' | 'repeated' | 'file';

/**
 * A form with exactly one defect (an invalid value, a required field left out, a repeated field
 * whose first value is invalid, or a file where text belongs), the other fields valid but nasty,
 * and a few unknown extra fields; sent urlencoded or multipart.
 */
function defective(fields: Record<string, FieldSpec>) {
	const names = Object.keys(fields);
	const targets = names.filter((n) => fields[n].invalid);
	const values = fc.record(Object.fromEntries(names.map((n) => [n, fields[n].valid])));
	const junkName = fc
		.oneof(
			fc.constantFrom('id', 'role', 'admin', 'userId', '__proto__'),
			fc.string({ maxLength: 12 })
		)
		.filter((n) => !names.includes(n));
	const extras = fc.array(fc.tuple(junkName, anyText), { maxLength: 3 });
	const defect = fc.constantFrom(...targets).chain((target) => {
		const kinds: Defect[] = ['invalid', 'repeated', 'file'];
		if (fields[target].required) kinds.push('missing');
		return fc.record({
			target: fc.constant(target),
			kind: fc.constantFrom(...kinds),
			bad: fields[target].invalid!
		});
	});
	return fc
		.record({ values, defect, extras, multipart: fc.boolean() })
		.map(({ values, defect, extras, multipart }) => {
			const pairs: Pair[] = [];
			for (const name of names) {
				if (name !== defect.target) pairs.push([name, values[name]]);
				else if (defect.kind === 'invalid') pairs.push([name, defect.bad]);
				else if (defect.kind === 'repeated') pairs.push([name, defect.bad], [name, values[name]]);
				else if (defect.kind === 'file') pairs.push([name, FILE_IN_TEXT]);
			}
			pairs.push(...extras);
			return { pairs, multipart, defect: `${defect.kind} ${defect.target}` };
		});
}

/** Any fields at all, for actions that take none. */
const randomForm = fc
	.record({
		pairs: fc.array(fc.tuple(fc.string({ maxLength: 12 }), anyValue), { maxLength: 4 }),
		multipart: fc.boolean()
	})
	.map((r) => ({ ...r, defect: 'random fields' }));

// Mirrors of the server's rules, to keep "invalid" generators invalid.
const wholeNumberOk = (s: string, min: number, max: number, empty: boolean) => {
	const t = s.trim();
	if (t === '') return empty;
	if (!/^\d+$/.test(t)) return false;
	return Number(t) >= min && Number(t) <= max;
};
const toNumberOk = (s: string, min: number, max: number) => {
	const n = Number(s);
	return Number.isInteger(n) && n >= min && n <= max;
};
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const dateOk = (s: string) => {
	const m = LOCAL_INPUT.exec(s.trim());
	if (!m) return false;
	const [y, mo, d, h, mi, sec] = m.slice(1).map((x) => Number(x ?? 0));
	const date = new Date(y, mo - 1, d, h, mi, sec);
	return (
		date.getFullYear() === y &&
		date.getMonth() === mo - 1 &&
		date.getDate() === d &&
		h < 24 &&
		mi < 60
	);
};
const scoreOk = (s: string) => {
	const t = s.trim();
	return /^\d{1,3}(?:[.,]\d{1,2})?$/.test(t) && Number(t.replace(',', '.')) <= 100;
};
const usernameOk = (s: string) => checkUsername(s).ok;
/** A name that is refused whoever registers (an empty one is a teacher's right). */
const nameRefused = (s: string) => s.trim() !== '' && !checkDisplayName(s).ok;

/** Counts in every wrong shape (each use filters out what its own range accepts). */
const invalidCount = () =>
	fc.oneof(
		fc.constantFrom(
			'0',
			'26',
			'51',
			'-1',
			'1.5',
			'ten',
			'١٢',
			'１',
			' ',
			'1e9',
			'99999999999999999999'
		),
		anyValue
	);

const assignmentFields = (lessonId: () => string): Record<string, FieldSpec> => ({
	lessonId: {
		valid: fc.constant('').map(() => lessonId()),
		invalid: fc.oneof(
			fc.constantFrom('0', '999999', '-1', '1.5', '١', ''),
			anyValue.filter((s) => !/^\d+$/.test(s))
		),
		required: true
	},
	dueAt: {
		valid: fc.constantFrom('', '2031-05-01T10:00', ' 2031-12-31T23:59:59 '),
		invalid: fc.oneof(
			fc.constantFrom(
				'2030-02-30T10:00',
				'2030-13-01T10:00',
				'2030-01-01T24:00',
				'2030-01-01T10:60',
				'tomorrow',
				'01/05/2030',
				'2030-01-01',
				'2030-01-01T10:00Z',
				'+275760-09-13T00:00'
			),
			anyValue.filter((s) => s.trim() !== '' && !dateOk(s))
		)
	},
	questionCount: {
		valid: fc.constantFrom('1', '10', ' 50 ', ''),
		invalid: invalidCount().filter((s) => !wholeNumberOk(s, 1, 50, true))
	},
	attemptsAllowed: {
		valid: fc.constantFrom('0', '3', '20', ''),
		invalid: invalidCount().filter((s) => !wholeNumberOk(s, 0, 20, true))
	},
	reveal: {
		valid: fc.constantFrom('each', 'submit'),
		invalid: fc.oneof(
			fc.constantFrom('EACH', 'each ', 'later', ''),
			anyValue.filter((s) => !['each', 'submit', 'due'].includes(s))
		)
	}
});

const QUESTION_TYPES = ['multiple_choice', 'true_false', 'fill_blank', 'numeric', 'matching'];
const questionFields = (
	validTypes: string[],
	invalidTypes: string[]
): Record<string, FieldSpec> => ({
	type: {
		valid: fc.constantFrom(...validTypes),
		invalid: fc.oneof(
			fc.constantFrom(...invalidTypes, 'TRUE_FALSE', 'essay', ''),
			anyValue.filter((s) => !QUESTION_TYPES.includes(s))
		),
		required: true
	},
	prompt: {
		valid: fc.oneof(
			nasty.map((s) => `Question: ${s}`.slice(0, 500)),
			fc.string({ unit: 'grapheme', minLength: 8, maxLength: 100 }).filter((s) => {
				const t = s.trim();
				return t.length >= 5 && t.length <= 500;
			})
		),
		invalid: fc.oneof(
			fc.constantFrom('', '    ', 'Why', '🙂🙂'),
			longerThan(500),
			anyText.filter((s) => s.trim().length < 5)
		),
		required: true
	},
	explanation: { valid: trimmedAtMost(1000), invalid: longerThan(1000) },
	sentence: {
		valid: fc.constantFrom('', '1', '2'),
		invalid: anyValue.filter((s) => !/^\d*$/.test(s.trim()))
	},
	// Only a true/false question's answer has a fixed shape (any text answers a fill-in).
	answer:
		validTypes.length === 1 && validTypes[0] === 'true_false'
			? {
					valid: fc.constantFrom('true', 'false'),
					invalid: anyValue.filter((s) => s !== 'true' && s !== 'false'),
					required: true
				}
			: { valid: anyText }
});

// ---------------------------------------------------------------- the world

interface FuzzWorld {
	teacher: TestUser;
	admin: TestUser;
	student: TestUser;
	classId: string;
	code: string;
	lesson: { id: number; slug: string };
	assignmentId: string;
	doomedAssignmentId: string;
	attemptId: string;
	attemptLength: number;
	/** A finished attempt for the teacher to comment on and rescore. */
	markedAttemptId: string;
	question: { id: string; slug: string };
	/** A live game the teacher hosts, with one visitor playing. */
	liveGame: { id: string; pin: string; playerId: string };
}

let w: FuzzWorld;

test.beforeAll(async ({ app }) => {
	test.setTimeout(60_000);
	const teacher = await createUser(app, 'teacher', 'fuzz-teacher');
	const student = await createUser(app, 'student', 'fuzz-student');
	const admin = await createUser(app, 'teacher', 'fuzz-admin', { admin: true });
	const klass = await createClassAs(app, teacher, `Fuzz class ${rand()}`);
	await joinAs(app, student, klass.code);
	const lesson = bundledLesson(app);
	const assignmentId = await assignAs(app, teacher, klass.id, lesson.id, 5);
	const doomedAssignmentId = await assignAs(app, teacher, klass.id, lesson.id, 5);
	const attemptId = await startAssignmentAs(app, student, assignmentId);
	const markedAssignmentId = await assignAs(app, teacher, klass.id, lesson.id, 3);
	const markedAttemptId = await startAssignmentAs(app, student, markedAssignmentId);
	await answerAttempt(app, student, markedAttemptId, null);
	const { n } = app.db
		.prepare('select count(*) as n from attempt_questions where attempt_id = ?')
		.get(attemptId) as { n: number };
	const question = app.db
		.prepare(
			`select q.id, l.slug from questions q join lessons l on l.id = q.lesson_id
			 join sources s on s.id = l.source_id
			 where q.type = 'true_false' and q.enabled = 1 and s.owner_id is null limit 1`
		)
		.get() as { id: string; slug: string };
	w = {
		teacher,
		admin,
		student,
		classId: klass.id,
		code: klass.code,
		lesson,
		assignmentId,
		doomedAssignmentId,
		attemptId,
		attemptLength: n,
		markedAttemptId,
		question,
		liveGame: await liveGameAs(app, teacher, lesson.slug)
	};
});

// ---------------------------------------------------------------- the actions

interface FuzzInput {
	pairs: Pair[];
	multipart: boolean;
	defect: string;
}

interface FuzzSpec {
	/** Route id on disk and action name: '/teacher?/createClass'. */
	action: string;
	title: string;
	actor: 'visitor' | 'student' | 'teacher' | 'admin';
	path: () => string;
	input: () => fc.Arbitrary<FuzzInput>;
	/**
	 * 'reject': always a 4xx with a message and no change. Otherwise a success the random input
	 * may legitimately produce (a 4xx must still carry a message and change nothing).
	 */
	expect: 'reject' | { success: (res: Sent) => boolean; mayChange: boolean };
	numRuns?: number;
	/** The action ignores its body (so an unreadable body is not itself refused). */
	ignoresBody?: boolean;
}

const redirectTo = (pattern: RegExp) => (res: Sent) =>
	res.status === 303 && pattern.test(res.location ?? '');

const specs: FuzzSpec[] = [
	{
		action: '/register?/default',
		title: 'register',
		actor: 'visitor',
		path: () => '/register',
		input: () =>
			defective({
				username: {
					valid: fc.stringMatching(/^[a-z][a-z0-9]{7,12}$/).map((s) => `fz${s}`),
					invalid: fc.oneof(
						fc.constantFrom('ab', '', '-dash-first', 'user name', '\u0430dmin', 'a'.repeat(33)),
						anyValue.filter((s) => !usernameOk(s))
					),
					required: true
				},
				password: {
					valid: fc.constantFrom(
						'steppe wind at dawn',
						'Karkaraly pines 2024',
						'Қарағанды көктемі 2024'
					),
					invalid: fc.oneof(
						fc.constantFrom('', 'short', 'password1', 'aaaaaaaaab', '12345678', 'x'.repeat(201)),
						huge
					),
					required: true
				},
				role: {
					valid: fc.constantFrom('student', 'teacher'),
					invalid: fc.oneof(
						fc.constantFrom('admin', 'Teacher', ' student', ''),
						anyValue.filter((s) => s !== 'student' && s !== 'teacher')
					),
					required: true
				},
				displayName: {
					valid: fc.constantFrom('Aigerim Sadykova', 'Әйгерім Сәдуақасова', "Seán O'Brien (2B)"),
					invalid: fc.oneof(
						longerThan(60),
						fc.constantFrom('<b>x</b>', '1234', 'a\u0000b', '\u202eevil'),
						anyText.filter(nameRefused)
					)
				}
			}),
		expect: 'reject'
	},
	{
		action: '/login?/default',
		title: 'sign in (never reaching the password check, so the throttle is not fed)',
		actor: 'visitor',
		path: () => '/login',
		input: () =>
			defective({
				username: {
					valid: fc.stringMatching(/^[a-z][a-z0-9]{7,12}$/),
					invalid: fc.oneof(
						fc.constantFrom('ab', '', 'a b c', "admin'--", 'a'.repeat(33)),
						anyValue.filter((s) => !usernameOk(s))
					),
					required: true
				},
				password: {
					valid: fc.constantFrom('not the password', 'Қарағанды 2024'),
					invalid: fc.oneof(fc.constant(''), longerThan(200)),
					required: true
				}
			}),
		expect: 'reject'
	},
	{
		action: '/account?/password',
		title: 'password change with a wrong current password, a weak or a mismatched new one',
		actor: 'student',
		path: () => '/account?/password',
		input: () =>
			defective({
				current: {
					valid: fc.constant(TEST_PASSWORD),
					invalid: fc.oneof(fc.constantFrom('', 'not the password'), longerThan(200)),
					required: true
				},
				password: {
					valid: fc.constant('steppe-horizon-42'),
					invalid: fc.constantFrom('', 'short', 'password1', '12345678', 'x'.repeat(201)),
					required: true
				},
				confirm: {
					valid: fc.constant('steppe-horizon-42'),
					invalid: anyValue.filter((s) => s !== 'steppe-horizon-42'),
					required: true
				}
			}),
		expect: 'reject'
	},
	{
		action: '/account?/signOutEverywhere',
		title: 'sign out everywhere as a visitor',
		actor: 'visitor',
		path: () => '/account?/signOutEverywhere',
		input: () => randomForm,
		expect: {
			success: (res) => res.status === 303 && (res.location ?? '').startsWith('/login'),
			mayChange: false
		}
	},
	{
		action: '/account/name?/default',
		title: 'a name that is no name',
		actor: 'student',
		path: () => '/account/name',
		input: () =>
			defective({
				displayName: {
					valid: fc.constantFrom('Әйгерім Сәдуақасова', 'Dana Nurlan'),
					invalid: fc.oneof(
						fc.constantFrom('', '   ', '<b>x</b>', '1234', '\u202eevil'),
						longerThan(60),
						anyText.filter((s) => !checkDisplayName(s).ok)
					),
					required: true
				}
			}),
		expect: 'reject'
	},
	{
		action: '/account/new-password?/default',
		title: 'a new password from someone who has no one-time password',
		actor: 'student',
		path: () => '/account/new-password',
		input: () => randomForm,
		expect: { success: (res) => res.status === 303 && res.location === '/', mayChange: false },
		ignoresBody: true
	},
	{
		action: '/teacher/classes/[id]/add-students?/default',
		title: 'a list of names with a bad line, a repeat or too many',
		actor: 'teacher',
		path: () => `/teacher/classes/${w.classId}/add-students`,
		input: () =>
			defective({
				names: {
					valid: fc.constant('Fuzz Student'),
					invalid: fc.oneof(
						fc.constantFrom(
							'',
							'\n \n',
							'Dana\n<b>x</b>',
							'Dana\ndana',
							Array.from({ length: 61 }, (_, i) => `Name ${i.toString(36)}`).join('\n')
						),
						huge,
						anyText.filter((s) => !readNameList(s).ok)
					),
					required: true
				}
			}),
		expect: 'reject'
	},
	{
		action: '/teacher/classes/[id]/students/[studentId]/password?/default',
		title: 'reset the password of someone not in the class',
		actor: 'teacher',
		path: () => `/teacher/classes/${w.classId}/students/${w.admin.id}/password`,
		input: () => randomForm,
		expect: 'reject',
		ignoresBody: true
	},
	{
		action: '/logout?/default',
		title: 'sign out as a visitor',
		actor: 'visitor',
		path: () => '/logout',
		input: () => randomForm,
		expect: { success: (res) => res.status === 303 && res.location === '/', mayChange: false }
	},
	{
		action: '/lessons/[slug]/quiz?/start',
		title: 'quiz start with a bad question count',
		actor: 'student',
		path: () => `/lessons/${w.lesson.slug}/quiz?/start`,
		input: () =>
			defective({
				count: {
					valid: fc.constant('5'),
					invalid: fc.oneof(
						fc.constantFrom('0', '26', '-5', '2.5', 'five', '', '1e2', 'Infinity'),
						anyValue.filter((s) => !toNumberOk(s, 1, 25))
					)
				}
			}),
		expect: 'reject'
	},
	{
		action: '/lessons/[slug]/quiz?/practice',
		title: 'practice quiz',
		actor: 'visitor',
		path: () => `/lessons/${w.lesson.slug}/quiz?/practice`,
		input: () =>
			defective({
				seed: {
					valid: fc.stringMatching(/^[a-z0-9-]{1,64}$/),
					invalid: fc.oneof(
						fc.constantFrom('', 'UPPER', 'a'.repeat(65), 'seed with spaces'),
						anyValue.filter((s) => !/^[a-z0-9-]{1,64}$/.test(s))
					),
					required: true
				},
				count: {
					valid: fc.constantFrom('5', '10'),
					invalid: anyValue.filter((s) => !toNumberOk(s, 1, 25))
				},
				'answer-0': { valid: anyValue },
				answer: { valid: anyValue }
			}),
		expect: 'reject'
	},
	{
		action: '/attempts/[id]?/retry',
		title: 'retry of an unfinished attempt',
		actor: 'student',
		path: () => `/attempts/${w.attemptId}?/retry`,
		input: () => randomForm,
		expect: 'reject',
		ignoresBody: true
	},
	{
		action: '/attempts/[id]?/answer',
		title: 'answer with a position that is not in the quiz',
		actor: 'student',
		path: () => `/attempts/${w.attemptId}?/answer`,
		input: () =>
			defective({
				position: {
					valid: fc.constant('0'),
					invalid: fc.oneof(
						fc.constantFrom('-1', '1.5', '', 'first', '999', '1e3', String(w.attemptLength)),
						anyValue.filter((s) => !toNumberOk(s, 0, w.attemptLength - 1))
					),
					required: true
				},
				answer: { valid: anyValue },
				'answer-0': { valid: anyValue },
				'answer-1': { valid: anyValue }
			}),
		expect: 'reject'
	},
	{
		action: '/attempts/[id]?/answer',
		title: 'answer with any text at a real position',
		actor: 'student',
		path: () => `/attempts/${w.attemptId}?/answer`,
		input: () =>
			fc
				.record({
					position: fc.integer({ min: 0, max: w.attemptLength - 1 }).map(String),
					answer: fc.option(anyValue),
					pairs: fc.array(
						fc.tuple(fc.constantFrom('answer', 'answer-0', 'answer-1', 'answer-2'), anyValue),
						{ maxLength: 3 }
					),
					multipart: fc.boolean()
				})
				.map(({ position, answer, pairs, multipart }) => ({
					pairs: [
						['position', position] as Pair,
						...(answer === null ? [] : [['answer', answer] as Pair]),
						...pairs
					],
					multipart,
					defect: 'any answer'
				})),
		// Recorded (wrong) and graded, or refused as empty: never a 500.
		expect: { success: (res) => res.status === 200, mayChange: true }
	},
	{
		action: '/review?/answer',
		title: 'review answer for a question not in the queue',
		actor: 'student',
		path: () => '/review?/answer',
		input: () =>
			defective({
				questionId: {
					valid: fc.constant('').map(() => w.question.id),
					invalid: fc.oneof(fc.constantFrom('', '0', '../x', 'a'.repeat(201)), anyValue),
					required: true
				},
				answer: { valid: anyValue }
			}),
		// The student has no review cards: every question id is refused.
		expect: 'reject'
	},
	{
		action: '/join?/default',
		title: 'join with a wrong code',
		actor: 'student',
		path: () => '/join',
		input: () =>
			defective({
				code: {
					valid: fc.constant('').map(() => w.code),
					invalid: fc.oneof(
						fc.constantFrom('', '   ', 'ZZZZZZ', '000000', 'a'.repeat(21)),
						anyValue.filter((s) => s.toUpperCase().replace(/[\s-]+/g, '') !== w.code)
					),
					required: true
				}
			}),
		expect: 'reject'
	},
	{
		action: '/assignments/[id]?/start',
		title: 'assignment start with stray fields',
		actor: 'student',
		path: () => `/assignments/${w.assignmentId}?/start`,
		input: () => randomForm,
		// Continues the open attempt.
		expect: { success: redirectTo(/^\/attempts\/[0-9a-f-]{36}$/), mayChange: true }
	},
	{
		action: '/admin?/invite',
		title: 'invite a teacher with a bad note',
		actor: 'admin',
		path: () => '/admin?/invite',
		input: () => defective({ note: { valid: trimmedAtMost(80), invalid: longerThan(80) } }),
		expect: 'reject'
	},
	{
		action: '/admin?/revoke',
		title: 'revoke an invitation that is not there or not an id',
		actor: 'admin',
		path: () => '/admin?/revoke',
		input: () =>
			defective({
				// A well-formed id of no invitation is refused with a message too.
				invitationId: {
					valid: fc.uuid(),
					invalid: anyValue.filter((s) => !/^[0-9a-f-]{36}$/.test(s)),
					required: true
				}
			}),
		expect: 'reject'
	},
	{
		action: '/language?/default',
		title: 'language switcher with an unknown language or a return address off this site',
		actor: 'student',
		path: () => '/language',
		input: () =>
			defective({
				locale: {
					valid: fc.constantFrom('kk', 'ru', 'en'),
					invalid: fc.oneof(fc.constantFrom('de', 'EN', 'kk-KZ', ''), anyValue),
					required: true
				},
				return: {
					valid: fc.constantFrom('/', '/history', '/lessons'),
					invalid: fc.oneof(
						fc.constantFrom(
							'//evil.example',
							'https://evil.example/',
							'/\\evil.example',
							'javascript:alert(1)'
						),
						anyValue
					)
				}
			}),
		// Whatever is sent, the switcher goes back to a page of this site and saves at most a
		// known language on the account.
		expect: {
			success: (res) => res.status === 303 && /^\/(?![/\\])/.test(res.location ?? ''),
			mayChange: true
		}
	},
	{
		action: '/play?/default',
		title: 'join a live game with a malformed PIN or nickname',
		actor: 'visitor',
		path: () => '/play',
		input: () =>
			defective({
				pin: {
					valid: fc.constant('').map(() => w.liveGame.pin),
					// Never six digits: a wrong PIN of the right shape feeds the PIN throttle.
					invalid: fc.oneof(
						fc.constantFrom('', '12345', '1234567', 'abcdef', '١٢٣٤٥٦'),
						anyValue.filter((s) => !/^\d{6}$/.test(s.replace(/[\s-]/g, '')))
					),
					required: true
				},
				nickname: {
					valid: fc.constantFrom('Aru', 'Әлия', 'Player 7'),
					invalid: fc.oneof(fc.constantFrom('', '   ', '\u200b'), longerThan(MAX_NICKNAME)),
					required: true
				}
			}),
		// A file sent as the nickname reads as its name: a legitimate join.
		expect: { success: redirectTo(/^\/play\/\d{6}$/), mayChange: true }
	},
	{
		action: '/teacher/live/new?/default',
		title: 'start a live game with a bad count or time',
		actor: 'teacher',
		path: () => `/teacher/live/new?lesson=${w.lesson.slug}`,
		input: () =>
			defective({
				count: {
					valid: fc.constantFrom('1', '3', ' 10 '),
					invalid: invalidCount().filter((s) => !toNumberOk(s.trim(), 1, Infinity)),
					required: true
				},
				seconds: {
					valid: fc.constantFrom(String(MIN_SECONDS), '20', String(MAX_SECONDS)),
					invalid: invalidCount().filter((s) => !toNumberOk(s.trim(), MIN_SECONDS, MAX_SECONDS)),
					required: true
				},
				who: { valid: fc.constant('anyone') }
			}),
		expect: 'reject'
	},
	{
		action: '/teacher/live/[id]?/next',
		title: 'next question with stray fields',
		actor: 'teacher',
		path: () => `/teacher/live/${w.liveGame.id}?/next`,
		input: () => randomForm,
		// A move the game's state refuses is a 409 with a message.
		expect: { success: (res) => res.status === 200, mayChange: true },
		numRuns: 5
	},
	{
		action: '/teacher/live/[id]?/close',
		title: 'close the question with stray fields',
		actor: 'teacher',
		path: () => `/teacher/live/${w.liveGame.id}?/close`,
		input: () => randomForm,
		expect: { success: (res) => res.status === 200, mayChange: true },
		numRuns: 5
	},
	{
		action: '/teacher/live/[id]?/remove',
		title: 'remove a player who is not in the game',
		actor: 'teacher',
		path: () => `/teacher/live/${w.liveGame.id}?/remove`,
		input: () =>
			defective({
				playerId: {
					valid: fc.constant('').map(() => w.liveGame.playerId),
					invalid: fc.oneof(fc.constantFrom('', '0', 'a'.repeat(201)), fc.uuid(), anyValue),
					required: true
				}
			}),
		expect: 'reject'
	},
	{
		action: '/teacher/live/[id]?/end',
		title: 'end the game with stray fields',
		actor: 'teacher',
		path: () => `/teacher/live/${w.liveGame.id}?/end`,
		input: () => randomForm,
		expect: { success: (res) => res.status === 200, mayChange: true },
		numRuns: 5
	},
	{
		action: '/teacher?/createClass',
		title: 'create a class with a bad name',
		actor: 'teacher',
		path: () => '/teacher?/createClass',
		input: () =>
			defective({
				name: {
					valid: fc.constant('Grade 9B'),
					invalid: fc.oneof(fc.constantFrom('', '   ', '\t\n', ' \u00a0 '), longerThan(80)),
					required: true
				}
			}),
		expect: 'reject'
	},
	{
		action: '/teacher/attempts/[attemptId]?/comment',
		title: 'a comment too long or not text',
		actor: 'teacher',
		path: () => `/teacher/attempts/${w.markedAttemptId}?/comment`,
		input: () => defective({ comment: { valid: trimmedAtMost(2000), invalid: longerThan(2000) } }),
		expect: 'reject'
	},
	{
		action: '/teacher/attempts/[attemptId]?/override',
		title: 'override with a score that is no percentage, or without a reason',
		actor: 'teacher',
		path: () => `/teacher/attempts/${w.markedAttemptId}?/override`,
		input: () =>
			defective({
				score: {
					valid: fc.constantFrom('0', '55', ' 87.5 ', '100', '66,67'),
					invalid: fc.oneof(
						fc.constantFrom('', '101', '-5', '1e2', '50%', '12.345', 'NaN', '١٢'),
						anyValue.filter((s) => !scoreOk(s))
					),
					required: true
				},
				reason: {
					valid: fc.constantFrom('Regraded by hand', 'Қате сұрақ'),
					invalid: fc.oneof(fc.constantFrom('', '   ', '\t\n'), longerThan(500)),
					required: true
				}
			}),
		expect: 'reject'
	},
	{
		action: '/teacher/attempts/[attemptId]?/restore',
		title: 'remove an override that is not there, with stray fields',
		actor: 'teacher',
		path: () => `/teacher/attempts/${w.markedAttemptId}?/restore`,
		input: () => randomForm,
		expect: 'reject',
		ignoresBody: true
	},
	{
		action: '/teacher/classes/[id]?/rename',
		title: 'rename a class to a bad name',
		actor: 'teacher',
		path: () => `/teacher/classes/${w.classId}?/rename`,
		input: () =>
			defective({
				name: {
					valid: fc.constant('Grade 9B'),
					invalid: fc.oneof(fc.constantFrom('', '   ', '\u3000'), longerThan(80)),
					required: true
				}
			}),
		expect: 'reject'
	},
	{
		action: '/teacher/classes/[id]?/remove',
		title: 'remove a student who is not in the class',
		actor: 'teacher',
		path: () => `/teacher/classes/${w.classId}?/remove`,
		input: () =>
			defective({
				studentId: {
					valid: fc.constant('').map(() => w.student.id),
					invalid: fc.oneof(fc.constantFrom('', "' or 1=1 --", '*', '%'), anyValue),
					required: true
				}
			}),
		expect: 'reject'
	},
	{
		action: '/teacher/classes/[id]?/assign',
		title: 'assign with a bad field',
		actor: 'teacher',
		path: () => `/teacher/classes/${w.classId}?/assign`,
		input: () => defective(assignmentFields(() => String(w.lesson.id))),
		expect: 'reject'
	},
	{
		action: '/teacher/classes/[id]/assignments/[assignmentId]?/update',
		title: 'edit an assignment with a bad field',
		actor: 'teacher',
		path: () => `/teacher/classes/${w.classId}/assignments/${w.assignmentId}?/update`,
		input: () => defective(assignmentFields(() => String(w.lesson.id))),
		expect: 'reject'
	},
	{
		action: '/teacher/lessons/[slug]/questions?/toggle',
		title: 'disable a question with a bad field',
		actor: 'teacher',
		path: () => `/teacher/lessons/${w.question.slug}/questions?/toggle`,
		input: () =>
			defective({
				questionId: {
					valid: fc.constant('').map(() => w.question.id),
					invalid: fc.oneof(fc.constantFrom('', '%', '*'), anyValue),
					required: true
				},
				enabled: {
					valid: fc.constantFrom('true', 'false'),
					invalid: fc.oneof(
						fc.constantFrom('yes', '1', 'TRUE', 'on', ''),
						anyValue.filter((s) => s !== 'true' && s !== 'false')
					),
					required: true
				}
			}),
		expect: 'reject'
	},
	{
		action: '/teacher/lessons/[slug]/questions/[questionId]?/save',
		title: 'edit a question with a bad field',
		actor: 'teacher',
		path: () => `/teacher/lessons/${w.question.slug}/questions/${w.question.id}?/save`,
		input: () =>
			defective(
				questionFields(
					['true_false'],
					QUESTION_TYPES.filter((t) => t !== 'true_false')
				)
			),
		expect: 'reject'
	},
	{
		action: '/teacher/lessons/[slug]/questions/new?/create',
		title: 'add a question with a bad field',
		actor: 'teacher',
		path: () => `/teacher/lessons/${w.question.slug}/questions/new?/create`,
		input: () => {
			const base = questionFields(QUESTION_TYPES, []);
			return defective({
				...base,
				'option-0': { valid: anyText },
				'option-1': { valid: anyText },
				correct: { valid: fc.constantFrom('0', '1', '7', '') },
				'left-0': { valid: anyText },
				'right-0': { valid: anyText },
				accept: { valid: anyValue },
				tolerance: { valid: anyText },
				unit: { valid: anyText }
			});
		},
		expect: 'reject'
	},
	{
		action: '/teacher/import?/import',
		title: 'import a pasted text that is empty, binary, too large or with a bad title',
		actor: 'teacher',
		path: () => '/teacher/import?/import',
		input: () =>
			defective({
				title: { valid: trimmedAtMost(120), invalid: longerThan(120) },
				text: {
					valid: fc.constant('A short text about the steppe. It has two sentences.'),
					invalid: fc.oneof(
						fc.constantFrom('', '   \n\t ', 'text with a \u0000 byte'),
						fc.constant('\u0001\u0002\u0003\u0004 abc'),
						fc.constant('x'.repeat(2 * 1024 * 1024 + 10))
					),
					required: true
				},
				importId: {
					valid: fc.uuid(),
					invalid: anyText.filter((s) => !/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(s))
				}
			}),
		expect: 'reject',
		numRuns: 15
	},
	{
		action: '/teacher/import?/import',
		title: 'import an uploaded file that is not a usable text',
		actor: 'teacher',
		path: () => '/teacher/import?/import',
		input: () => {
			const text = 'A short text about the steppe. It has two sentences.';
			const badName = fc.oneof(
				fc.constantFrom(
					'notes.pdf',
					'photo.png',
					'no-extension',
					'<script>alert(1)</script>.exe',
					'.txt.exe'
				),
				anyText.filter((s) => !/\.(txt|md)$/i.test(s))
			);
			const badBytes = fc.oneof(
				fc.constant(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])),
				fc.constant(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42])),
				fc.constant(new Uint8Array([0xc3, 0x28, 0x61, 0x62])),
				fc.constant(new Uint8Array(0)),
				fc.constant(new TextEncoder().encode('   \n  ')),
				fc.constant(new Uint8Array(64).fill(1))
			);
			const file = fc.oneof(
				fc.record({
					name: badName,
					data: fc.constant(new TextEncoder().encode(text)),
					pasted: fc.constant('')
				}),
				fc.record({
					name: fc.constantFrom('a.txt', 'b.md', 'Қала.TXT'),
					data: badBytes,
					pasted: fc.constant('')
				}),
				// Both a file and a pasted text.
				fc.record({
					name: fc.constantFrom('a.txt'),
					data: fc.constant(new TextEncoder().encode(text)),
					pasted: anyText.filter((s) => s.trim() !== '')
				})
			);
			return fc.record({ file, title: trimmedAtMost(120) }).map(({ file, title }) => ({
				pairs: [
					['title', title],
					['text', file.pasted],
					[
						'file',
						{ file: true, name: file.name, type: 'application/octet-stream', data: file.data }
					]
				] as Pair[],
				multipart: true,
				defect: `file ${JSON.stringify(file.name)}`
			}));
		},
		expect: 'reject',
		numRuns: 20
	},
	{
		action: '/teacher/import?/delete',
		title: 'delete an import that is not the teacher’s',
		actor: 'teacher',
		path: () => '/teacher/import?/delete',
		input: () =>
			defective({
				sourceId: {
					valid: fc.constant('1'),
					invalid: fc.oneof(
						fc.constantFrom('1', '0', '999999', '-1', '1.0', '1 OR 1=1', ''),
						anyValue
					),
					required: true
				}
			}),
		expect: 'reject'
	},
	{
		action: '/teacher/import?/renameText',
		title: 'rename a text: no title, too long a title, a text that is not the teacher’s',
		actor: 'teacher',
		path: () => '/teacher/import?/renameText',
		input: () =>
			defective({
				sourceId: {
					valid: fc.constant('1'),
					invalid: fc.oneof(fc.constantFrom('1', '0', '-1', '1.0', '1 OR 1=1', ''), anyValue),
					required: true
				},
				title: {
					valid: fc.constant('A new title'),
					invalid: fc.constantFrom('', '   ', 'x'.repeat(121)),
					required: true
				}
			}),
		expect: 'reject'
	},
	{
		action: '/teacher/import?/renameLesson',
		title: 'rename a lesson: no title, too long a title, a lesson that is not the teacher’s',
		actor: 'teacher',
		path: () => '/teacher/import?/renameLesson',
		input: () =>
			defective({
				slug: {
					valid: fc.constant('alash-leaders-and-spiritual-heritage'),
					invalid: fc.oneof(fc.constantFrom('', 'no-such-lesson', '../x', 'A B'), anyValue),
					required: true
				},
				title: {
					valid: fc.constant('A new title'),
					invalid: fc.constantFrom('', '   ', 'x'.repeat(121)),
					required: true
				}
			}),
		expect: 'reject'
	},
	{
		action: '/teacher/classes/[id]/assignments/[assignmentId]?/delete',
		title: 'delete an assignment with stray fields',
		actor: 'teacher',
		path: () => `/teacher/classes/${w.classId}/assignments/${w.doomedAssignmentId}?/delete`,
		input: () => randomForm,
		// Deleted the first time, then 404 with nothing left to delete.
		expect: { success: redirectTo(/^\/teacher\/classes\//), mayChange: true },
		numRuns: 5
	},
	{
		action: '/teacher/classes/[id]?/regenerate',
		title: 'new join code with stray fields',
		actor: 'teacher',
		path: () => `/teacher/classes/${w.classId}?/regenerate`,
		input: () => randomForm,
		expect: { success: (res) => res.status === 200, mayChange: true },
		numRuns: 5
	},
	{
		action: '/teacher/classes/[id]?/archive',
		title: 'archive with stray fields',
		actor: 'teacher',
		path: () => `/teacher/classes/${w.classId}?/archive`,
		input: () => randomForm,
		expect: { success: (res) => res.status === 200, mayChange: true },
		numRuns: 5
	},
	{
		action: '/teacher/classes/[id]?/unarchive',
		title: 'unarchive with stray fields',
		actor: 'teacher',
		path: () => `/teacher/classes/${w.classId}?/unarchive`,
		input: () => randomForm,
		expect: { success: (res) => res.status === 200, mayChange: true },
		numRuns: 5
	}
];

// ---------------------------------------------------------------- checks

const userFor = (actor: FuzzSpec['actor']) =>
	actor === 'visitor'
		? null
		: actor === 'student'
			? w.student
			: actor === 'admin'
				? w.admin
				: w.teacher;

function summary(input: FuzzInput) {
	const show = (v: FieldValue) =>
		isFile(v)
			? `<file ${JSON.stringify(v.name)}>`
			: JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}… (${v.length} chars)` : v);
	return `${input.defect}; ${input.multipart ? 'multipart' : 'urlencoded'}: ${input.pairs
		.map(([k, v]) => `${JSON.stringify(k)}=${show(v)}`)
		.join(' & ')}`;
}

/** Throws unless the answer is a proper refusal or an allowed success; true for a success. */
function check(
	spec: FuzzSpec,
	input: FuzzInput,
	res: Sent,
	before: Record<string, string>,
	after: Record<string, string>
) {
	const problems: string[] = [];
	const changed = changedTables(before, after);
	if (res.status >= 500) problems.push(`answered ${res.status}`);
	else if (res.status >= 400) {
		// A refused form (400, or 429 when throttled) carries its message on the page; other
		// statuses answer with an error page.
		const message = alertText(res.text) || errorPageText(res.text);
		if (!/[A-Za-z]{3,}.*[A-Za-z]/.test(message)) problems.push(`a ${res.status} without a message`);
		if (changed.length) problems.push(`refused but changed ${changed.join(', ')}`);
	} else if (spec.expect === 'reject') {
		problems.push(`accepted: ${res.status} ${res.location ?? ''}; changed ${changed.join(', ')}`);
	} else {
		if (!spec.expect.success(res)) problems.push(`unexpected ${res.status} ${res.location ?? ''}`);
		if (!spec.expect.mayChange && changed.length) problems.push(`changed ${changed.join(', ')}`);
	}
	for (const payload of PAYLOADS) {
		if (res.text.includes(payload)) problems.push(`echoes ${payload} unescaped`);
	}
	if (problems.length) {
		throw new Error(`${spec.action}: ${problems.join('; ')}\n  input: ${summary(input)}`);
	}
	return res.status < 400;
}

async function run(app: AppServer, spec: FuzzSpec, input: FuzzInput) {
	const before = dbSnapshot(app);
	const res = await send(app, spec.path(), {
		user: userFor(spec.actor),
		pairs: input.pairs,
		multipart: input.multipart
	});
	return check(spec, input, res, before, dbSnapshot(app));
}

// ---------------------------------------------------------------- tests

test('every form action on disk is fuzzed here', () => {
	const onDisk = routesOnDisk().flatMap((r) => r.actions.map((a) => `${r.id}?/${a}`));
	const fuzzed = new Set(specs.map((s) => s.action));
	expect(onDisk.filter((a) => !fuzzed.has(a))).toEqual([]);
	expect([...fuzzed].filter((a) => !onDisk.includes(a))).toEqual([]);
});

/**
 * Runs a property without shrinking (every run is an HTTP request) and reports the failure in a
 * few lines: the checks describe their input themselves, with long values cut short.
 */
async function holds<T>(arb: fc.Arbitrary<T>, predicate: (t: T) => Promise<void>, numRuns: number) {
	const details = await fc.check(fc.asyncProperty(arb, predicate), { numRuns, endOnFailure: true });
	if (details.failed) {
		const error = details.errorInstance;
		const message = error instanceof Error ? error.message : String(error);
		throw new Error(
			`failed on run ${details.numRuns} of ${numRuns} (seed ${details.seed}): ${message.slice(0, 3000)}`
		);
	}
}

for (const spec of specs) {
	test(`bad input: ${spec.action} — ${spec.title}`, async ({ app }) => {
		test.setTimeout(60_000);
		let successes = 0;
		await holds(
			spec.input(),
			async (input) => void (successes += Number(await run(app, spec, input))),
			spec.numRuns ?? 30
		);
		// A spec that allows a success must see one: refusing everything is not what it allows.
		if (spec.expect !== 'reject') expect(successes, 'runs that succeeded').toBeGreaterThan(0);
	});
}

test('bodies that are not forms: JSON, plain text, nothing, and too large', async ({ app }) => {
	for (const spec of specs) {
		const path = spec.path();
		const user = userFor(spec.actor);
		const bodies = [
			{ body: JSON.stringify({ name: 'x', code: 'ABC123' }), type: 'application/json' },
			{ body: '<xml>not a form</xml>', type: 'application/xml' }
		];
		if (spec.expect === 'reject' && !spec.ignoresBody)
			bodies.push({ body: 'name=x\n%%%', type: 'text/plain' });
		for (const raw of bodies) {
			const before = dbSnapshot(app);
			const res = await send(app, path, { user, raw });
			const changed = changedTables(before, dbSnapshot(app));
			expect(res.status, `${spec.action} with ${raw.type}`).toBeGreaterThanOrEqual(400);
			expect(res.status, `${spec.action} with ${raw.type}`).toBeLessThan(500);
			expect(changed, `${spec.action} with ${raw.type}`).toEqual([]);
		}
	}
	// Bigger than BODY_SIZE_LIMIT (3 MB): the form cannot be read, and says so.
	const before = dbSnapshot(app);
	const res = await send(app, '/teacher/import?/import', {
		user: w.teacher,
		pairs: [['text', 'x'.repeat(3_500_000)]]
	});
	expect([400, 413]).toContain(res.status);
	expect(alertText(res.text) || errorPageText(res.text)).not.toBe('');
	expect(changedTables(before, dbSnapshot(app))).toEqual([]);
});

test('sign-in never redirects to another site, whatever redirectTo says', async ({ app }) => {
	const user = await createUser(app, 'student', 'redirect');
	const target = fc.oneof(
		fc.constantFrom(
			'https://evil.example',
			'//evil.example',
			'/\\evil.example',
			'\\\\evil.example',
			'///evil.example',
			' //evil.example',
			'/%2F%2Fevil.example',
			'javascript:alert(1)',
			'http:evil.example',
			'/\t/evil.example',
			'/\r\nSet-Cookie: a=1',
			'/Қазақ',
			'/\u0000',
			'/lessons'
		),
		anyText
	);
	await holds(
		target,
		async (redirectTo) => {
			const res = await post(app, `/login?redirectTo=${encodeURIComponent(redirectTo)}`, null, {
				username: user.username,
				password: user.password
			});
			expect(res.status).toBe(303);
			const resolved = new URL(res.location!, app.baseURL);
			expect(resolved.origin, `redirectTo=${JSON.stringify(redirectTo)} -> ${res.location}`).toBe(
				app.baseURL
			);
		},
		25
	);
});

test('class names made of HTML and SQL are stored as typed and shown escaped', async ({ app }) => {
	await holds(
		fc.oneof(nasty, fc.string({ unit: 'grapheme', maxLength: 60 })).filter((s) => {
			const t = s.trim();
			return t.length >= 1 && t.length <= 80;
		}),
		async (name) => {
			const res = await post(app, '/teacher?/createClass', w.teacher, { name });
			expect(res.status, JSON.stringify(name)).toBe(303);
			const id = res.location!.split('/').pop()!;
			const stored = app.db.prepare('select name from classes where id = ?').get(id) as {
				name: string;
			};
			expect(stored.name).toBe(name.trim());
			const page = await send(app, `/teacher/classes/${id}`, { user: w.teacher });
			expect(page.status).toBe(200);
			for (const payload of PAYLOADS) expect(page.text).not.toContain(payload);
		},
		15
	);
});

test('user text is escaped: a display name and a class name made of markup', async ({ app }) => {
	const teacher = await createUser(app, 'teacher', 'escape');
	const className = '<script>alert(1)</script>';
	const klass = await createClassAs(app, teacher, className);

	const username = `xss-${rand()}`;
	const displayName = '<img src=x onerror=alert(1)>';
	// Registration refuses such a name now; an account from before names were checked has one.
	const registered = await post(app, '/register', null, {
		username,
		password: 'steppe wind at dawn',
		role: 'student',
		displayName: 'Markup Student'
	});
	expect(registered.status).toBe(303);
	const token = /sabaq_session=([^;]+)/.exec(registered.headers.get('set-cookie') ?? '')![1];
	const id = (
		app.db.prepare('select id from users where username = ?').get(username) as { id: string }
	).id;
	app.db.prepare('update users set display_name = ? where id = ?').run(displayName, id);
	expect(
		(
			app.db.prepare('select display_name from users where id = ?').get(id) as {
				display_name: string;
			}
		).display_name
	).toBe(displayName);
	const student: TestUser = { id, username, password: '', role: 'student', token };
	await joinAs(app, student, klass.code);
	await assignAs(app, teacher, klass.id, bundledLesson(app).id, 3);

	const escapedName = '&lt;img src=x onerror=alert(1)>';
	const escapedClass = '&lt;script>alert(1)&lt;/script>';
	const pages: [TestUser, string, string[]][] = [
		[student, '/', [escapedName]],
		[student, '/join', [escapedName, escapedClass]],
		[teacher, `/teacher/classes/${klass.id}`, [escapedName, escapedClass]],
		[teacher, `/teacher/classes/${klass.id}/gradebook`, [escapedName, escapedClass]],
		[teacher, `/teacher/classes/${klass.id}/students/${id}`, [escapedName, escapedClass]],
		[teacher, '/teacher', [escapedClass]]
	];
	for (const [user, path, expected] of pages) {
		const res = await send(app, path, { user });
		expect(res.status, path).toBe(200);
		for (const text of expected) expect(res.text, path).toContain(text);
		expect(res.text, path).not.toContain('<img src=x');
		expect(res.text, path).not.toContain('<script>alert');
	}
});

/**
 * Answers reach a student only when the teacher allows it (disclosure.ts is the one rule): not
 * through review, history, practice or a quiz of their own while an assignment holds them back,
 * and not at all from a class they have left or a lesson no longer shared with them.
 */
import {
	test,
	expect,
	createUser,
	freePort,
	startServer,
	type AppServer,
	type TestUser
} from './fixtures';
import {
	bundledLesson,
	createClassAs,
	expectStatus,
	importAs,
	IMPORT_TEXT,
	joinAs,
	post,
	send
} from './access-matrix.world';

interface Snapshot {
	id: string;
	type: string;
	options: string[];
	answer?: unknown;
	pairs?: [string, string][];
}

function snapshots(app: AppServer, attemptId: string): Snapshot[] {
	return app.db
		.prepare('select snapshot from attempt_questions where attempt_id = ? order by position')
		.all(attemptId)
		.map((r) => JSON.parse((r as { snapshot: string }).snapshot));
}

function fields(q: Snapshot, right: boolean): Record<string, string> {
	switch (q.type) {
		case 'multiple_choice':
			return { answer: right ? String(q.answer) : q.options.find((o) => o !== q.answer)! };
		case 'true_false':
			return { answer: (right ? q.answer : !q.answer) ? 'True' : 'False' };
		case 'fill_blank':
			return { answer: right ? String(q.answer) : 'zzz wrong' };
		case 'numeric':
			return { answer: right ? String(q.answer) : '-987654' };
		case 'matching': {
			const rights = (q.pairs ?? []).map(([, r]) => r);
			const given = right ? rights : [...rights.slice(1), rights[0]];
			return Object.fromEntries(given.map((r, i) => [`answer-${i}`, r]));
		}
		default:
			throw new Error(`unknown type ${q.type}`);
	}
}

async function answer(
	app: AppServer,
	user: TestUser,
	attemptId: string,
	position: number,
	right: boolean
) {
	const q = snapshots(app, attemptId)[position];
	return post(app, `/attempts/${attemptId}?/answer`, user, {
		position: String(position),
		...fields(q, right)
	});
}

async function assign(
	app: AppServer,
	teacher: TestUser,
	classId: string,
	lessonId: number,
	reveal: 'each' | 'submit' | 'due',
	dueAt = ''
) {
	const res = await post(app, `/teacher/classes/${classId}?/assign`, teacher, {
		lessonId: String(lessonId),
		dueAt,
		questionCount: '5',
		attemptsAllowed: '0',
		reveal
	});
	expectStatus(res, 303, 'assign');
	return (
		app.db
			.prepare('select id from assignments where class_id = ? order by rowid desc')
			.get(classId) as { id: string }
	).id;
}

async function startAssignment(app: AppServer, student: TestUser, assignmentId: string) {
	const res = await post(app, `/assignments/${assignmentId}?/start`, student, {});
	expectStatus(res, 303, 'start');
	return res.location!.split('/').pop()!;
}

async function classWithStudent(app: AppServer) {
	const teacher = await createUser(app, 'teacher', 'leak-teacher');
	const student = await createUser(app, 'student', 'leak-student');
	const klass = await createClassAs(app, teacher, 'Leak class');
	await joinAs(app, student, klass.code);
	return { teacher, student, klass };
}

/** Student finished a "shown after the due date" assignment: first answer wrong, the rest right. */
async function finishedHiddenAssignment(app: AppServer) {
	const { teacher, student, klass } = await classWithStudent(app);
	const lesson = bundledLesson(app);
	const assignmentId = await assign(app, teacher, klass.id, lesson.id, 'due', '2031-05-01T10:00');
	const attemptId = await startAssignment(app, student, assignmentId);
	const asked = snapshots(app, attemptId);
	for (let i = 0; i < asked.length; i++) {
		expectStatus(await answer(app, student, attemptId, i, i !== 0), 200, `answer ${i}`);
	}
	const score = `${Math.round(((asked.length - 1) / asked.length) * 100)}%`;
	const [right, total] = [asked.length - 1, asked.length];
	return {
		teacher,
		student,
		klass,
		lesson,
		assignmentId,
		attemptId,
		missed: asked[0],
		score,
		right,
		total
	};
}

test('a missed question of an assignment whose answers come after the due date stays out of review', async ({
	app
}) => {
	const { student, missed } = await finishedHiddenAssignment(app);
	const page = await send(app, '/review', { user: student });
	expect(page.status).toBe(200);
	expect(page.text).not.toContain('Check answer');
	const res = await post(app, '/review?/answer', student, {
		questionId: missed.id,
		...fields(missed, true)
	});
	expect(res.status).toBe(400);
	expect(res.text).toContain('not in your review queue');
});

test('history, the home page and the assignment page do not show a score the results page hides', async ({
	app
}) => {
	const { student, assignmentId, attemptId, score, right, total } =
		await finishedHiddenAssignment(app);
	const results = await send(app, `/attempts/${attemptId}`, { user: student });
	expect(results.text).toContain('handed in');
	expect(results.text).not.toContain(`${right}/${total}`);
	// Where each page would show the score (a lesson's text may have percentages of its own).
	const history = await send(app, '/history', { user: student });
	expect(history.text).not.toContain(`${score} (${right}/${total})`);
	expect(history.text).toContain('Shown when your teacher shows the answers');
	const home = await send(app, '/', { user: student });
	expect(home.text).not.toMatch(new RegExp(`data-label="Best score"[^>]*>\\s*${score}`));
	expect(home.text).toMatch(/data-label="Best score"[^>]*>\s*Shown later/);
	const assignment = await send(app, `/assignments/${assignmentId}`, { user: student });
	expect(assignment.text).not.toMatch(new RegExp(`<dd>\\s*${score}\\s*</dd>`));
	expect(assignment.text).toContain('Shown with the answers');
});

test('practice with answers on an assigned lesson waits until the assignment shows them', async ({
	app
}) => {
	const { teacher, student, klass } = await classWithStudent(app);
	const lesson = bundledLesson(app);
	await assign(app, teacher, klass.id, lesson.id, 'submit');
	const res = await post(app, `/lessons/${lesson.slug}/quiz?/practice`, student, {
		seed: 'leak-seed',
		count: '5'
	});
	expect(res.status).toBe(403);
	expect(res.text).toContain('whose answers are not shown yet');
	// A quiz of the student's own on that lesson saves answers but shows no key either.
	const started = await post(app, `/lessons/${lesson.slug}/quiz?/start`, student, { count: '5' });
	expectStatus(started, 303, 'own quiz');
	const own = started.location!.split('/').pop()!;
	const first = await answer(app, student, own, 0, false);
	expect(first.status).toBe(200);
	expect(first.text).toContain('Answer saved');
	expect(first.text).not.toContain('Correct answer');
	// A visitor still practises with answers.
	const visitor = await post(app, `/lessons/${lesson.slug}/quiz?/practice`, null, {
		seed: 'leak-seed',
		count: '5'
	});
	expect(visitor.status).toBe(200);
});

test('a student removed from the class cannot go on answering its open attempt', async ({
	app
}) => {
	const { teacher, student, klass } = await classWithStudent(app);
	const lesson = bundledLesson(app);
	const assignmentId = await assign(app, teacher, klass.id, lesson.id, 'each');
	const attemptId = await startAssignment(app, student, assignmentId);
	expectStatus(await answer(app, student, attemptId, 0, true), 200, 'first answer');
	const removed = await post(app, `/teacher/classes/${klass.id}?/remove`, teacher, {
		studentId: student.id
	});
	expectStatus(removed, 200, 'remove');
	const res = await answer(app, student, attemptId, 1, true);
	expect(res.status).toBe(403);
	expect(res.text).toContain('no longer in');
	const stored = app.db
		.prepare('select count(*) as n from answers where attempt_id = ?')
		.get(attemptId) as { n: number };
	expect(stored.n).toBe(1);
	expect((await send(app, `/attempts/${attemptId}`, { user: student })).status).toBe(403);
});

test('review no longer serves questions of an imported lesson once the student left the class', async () => {
	// Its own server: the import would otherwise stay in the lesson list of the files after it.
	const started = await startServer(await freePort());
	try {
		await importedLessonLeavesReview(started.server);
	} finally {
		await started.stop();
	}
});

async function importedLessonLeavesReview(app: AppServer) {
	const { teacher, student, klass } = await classWithStudent(app);
	const imported = await importAs(app, teacher, 'Leak import', IMPORT_TEXT);
	const started = await post(app, `/lessons/${imported.slug}/quiz?/start`, student, {
		count: '3'
	});
	expectStatus(started, 303, 'own quiz on the import');
	const attemptId = started.location!.split('/').pop()!;
	const asked = snapshots(app, attemptId);
	for (let i = 0; i < asked.length; i++) await answer(app, student, attemptId, i, false);
	expect((await send(app, '/review', { user: student })).text).toContain('Check answer');

	expectStatus(
		await post(app, `/teacher/classes/${klass.id}?/remove`, teacher, { studentId: student.id }),
		200,
		'remove'
	);
	const page = await send(app, '/review', { user: student });
	expect(page.text).not.toContain('Check answer');
	for (const q of asked) expect(page.text).not.toContain(q.id);
	const res = await post(app, '/review?/answer', student, {
		questionId: asked[0].id,
		...fields(asked[0], true)
	});
	expect(res.status).toBe(400);
}

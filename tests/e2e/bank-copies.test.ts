/**
 * A teacher's edits of a bundled lesson are her own copy; only an administrator changes the
 * bundled bank; a save made on an old version of a question is refused with the newer one.
 */
import { test, expect, createUser, expectAccessible, signInAs, type AppServer } from './fixtures';
import {
	alertText,
	bundledLesson,
	createClassAs,
	expectStatus,
	joinAs,
	post,
	rand,
	send,
	startAssignmentAs,
	type Sent
} from './access-matrix.world';

interface Row {
	version: number;
	data: string;
}

function question(app: AppServer, id: string) {
	const row = app.db.prepare('select version, data from questions where id = ?').get(id) as Row;
	return { version: row.version, data: JSON.parse(row.data) as { type: string; prompt: string } };
}

/** The edit form's fields for a multiple-choice question with a new prompt. */
function editForm(app: AppServer, id: string, prompt: string, version: number | null) {
	const q = question(app, id).data as unknown as { options: string[]; answer: string };
	return {
		type: 'multiple_choice',
		prompt,
		explanation: '',
		sentence: '',
		...Object.fromEntries(q.options.map((o, i) => [`option-${i}`, o])),
		correct: String(q.options.indexOf(q.answer)),
		...(version === null ? {} : { version: String(version) })
	};
}

/** A multiple-choice question of a bundled lesson. */
function bundledChoice(app: AppServer) {
	const lesson = bundledLesson(app);
	const row = app.db
		.prepare(
			`select id from questions where lesson_id = ? and type = 'multiple_choice' and enabled = 1
			 and owner_id is null order by position limit 1`
		)
		.get(lesson.id) as { id: string };
	return { ...lesson, questionId: row.id };
}

const editPath = (slug: string, id: string) =>
	`/teacher/lessons/${slug}/questions/${encodeURIComponent(id)}`;

test("a teacher's edit of a bundled question is her own copy; others keep the original", async ({
	app
}) => {
	const dana = await createUser(app, 'teacher', 'dana');
	const erlan = await createUser(app, 'teacher', 'erlan');
	const lesson = bundledChoice(app);
	const before = question(app, lesson.questionId);
	const marker = `Dana's own wording ${rand()}?`;

	const saved = await post(
		app,
		`${editPath(lesson.slug, lesson.questionId)}?/save`,
		dana,
		editForm(app, lesson.questionId, marker, before.version)
	);
	expectStatus(saved, 303, 'save');
	// Back at the question's place in the list; her copy has an id of its own.
	expect(saved.location).toContain(
		`/questions?saved=${encodeURIComponent(lesson.questionId)}#saved`
	);
	const { id: copyId } = app.db
		.prepare('select id from questions where base_id = ? and owner_id = ?')
		.get(lesson.questionId, dana.id) as { id: string };
	expect(copyId).not.toBe(lesson.questionId);

	// The original's address opens her copy; a save from a page opened before is refused.
	const reopened = await send(app, editPath(lesson.slug, lesson.questionId), { user: dana });
	expect(reopened.status).toBe(303);
	expect(reopened.location).toBe(editPath(lesson.slug, copyId));
	const late = await post(
		app,
		`${editPath(lesson.slug, lesson.questionId)}?/save`,
		dana,
		editForm(app, lesson.questionId, 'From an old tab?', before.version)
	);
	expect(late.status).toBe(409);
	expect(late.text).toContain(marker);

	// The bundled question is unchanged; Dana's list shows her copy, Erlan's the original.
	expect(question(app, lesson.questionId)).toEqual(before);
	const hers = await send(app, `/teacher/lessons/${lesson.slug}/questions`, { user: dana });
	expect(hers.text).toContain(marker);
	expect(hers.text).toContain('your own version');
	const his = await send(app, `/teacher/lessons/${lesson.slug}/questions`, { user: erlan });
	expect(his.text).not.toContain(marker);
	expect(his.text).toContain(before.data.prompt);
	// Dana's disabling is hers too.
	expectStatus(
		await post(app, `/teacher/lessons/${lesson.slug}/questions?/toggle`, dana, {
			questionId: copyId,
			enabled: 'false'
		}),
		200,
		'disable'
	);
	const enabled = app.db
		.prepare('select enabled from questions where id = ?')
		.get(lesson.questionId) as { enabled: number };
	expect(enabled.enabled).toBe(1);

	// Dana's class is asked from her version, Erlan's class from the original.
	const student = await createUser(app, 'student');
	const other = await createUser(app, 'student');
	const ownClass = await createClassAs(app, dana, 'Dana class');
	const hisClass = await createClassAs(app, erlan, 'Erlan class');
	await joinAs(app, student, ownClass.code);
	await joinAs(app, other, hisClass.code);
	const assign = async (teacher: typeof dana, classId: string) => {
		expectStatus(
			await post(app, `/teacher/classes/${classId}?/assign`, teacher, {
				lessonId: String(lesson.id),
				dueAt: '',
				questionCount: '50',
				attemptsAllowed: '0',
				reveal: 'each'
			}),
			303,
			'assign'
		);
		return (
			app.db
				.prepare('select id from assignments where class_id = ? order by rowid desc')
				.get(classId) as { id: string }
		).id;
	};
	const asked = (attemptId: string) =>
		(
			app.db
				.prepare('select question_id as id from attempt_questions where attempt_id = ?')
				.all(attemptId) as { id: string }[]
		).map((r) => r.id);
	const ownAttempt = await startAssignmentAs(app, student, await assign(dana, ownClass.id));
	const hisAttempt = await startAssignmentAs(app, other, await assign(erlan, hisClass.id));
	expect(asked(ownAttempt)).not.toContain(lesson.questionId);
	expect(asked(ownAttempt)).not.toContain(copyId); // disabled in her version
	expect(asked(hisAttempt)).not.toContain(copyId);
	const owner = app.db
		.prepare('select bank_owner_id as owner from attempts where id = ?')
		.get(ownAttempt) as { owner: string };
	expect(owner.owner).toBe(dana.id);
});

test('only an administrator changes the bundled bank', async ({ app, page }) => {
	const admin = await createUser(app, 'teacher', 'head', { admin: true });
	const lesson = bundledChoice(app);
	const before = question(app, lesson.questionId);
	const marker = `For every class ${rand()}?`;
	const saved = await post(
		app,
		`${editPath(lesson.slug, lesson.questionId)}?/save`,
		admin,
		editForm(app, lesson.questionId, marker, before.version)
	);
	expectStatus(saved, 303, 'save');
	expect(saved.location).toContain(
		`/questions?saved=${encodeURIComponent(lesson.questionId)}#saved`
	);
	expect(question(app, lesson.questionId)).toMatchObject({
		version: before.version + 1,
		data: { prompt: marker }
	});
	await signInAs(page, app, admin);
	await page.goto(editPath(lesson.slug, lesson.questionId));
	await expect(
		page.getByText('you are an administrator: the change applies to everyone')
	).toBeVisible();
});

test('a save made on an old version is refused, and the newer version is shown', async ({
	app,
	page
}) => {
	// Two administrators (or one teacher in two tabs) open the same question.
	const aigul = await createUser(app, 'teacher', 'aigul', { admin: true });
	const berik = await createUser(app, 'teacher', 'berik', { admin: true });
	const lesson = bundledChoice(app);
	const opened = question(app, lesson.questionId).version;
	const path = `${editPath(lesson.slug, lesson.questionId)}?/save`;

	const first = `Aigul saved first ${rand()}?`;
	expectStatus(
		await post(app, path, aigul, editForm(app, lesson.questionId, first, opened)),
		303,
		'first save'
	);
	const late: Sent = await post(
		app,
		path,
		berik,
		editForm(app, lesson.questionId, `Berik saved later ${rand()}?`, opened)
	);
	expect(late.status).toBe(409);
	expect(alertText(late.text)).toContain(`version ${opened + 1}`);
	expect(late.text).toContain(first);
	expect(question(app, lesson.questionId).data.prompt).toBe(first);

	// In the browser: the message, the newer version and the teacher's own changes, kept.
	await signInAs(page, app, berik);
	await page.goto(editPath(lesson.slug, lesson.questionId));
	await page.evaluate(() => {
		const version = document.querySelector<HTMLInputElement>('input[name="version"]')!;
		version.value = String(Number(version.value) - 1);
	});
	await page.getByLabel('Question', { exact: true }).fill('Berik, on an old page?');
	await page.getByRole('button', { name: 'Save question' }).click();
	await expect(page.getByRole('alert')).toContainText('saved by someone else');
	await expect(
		page.getByRole('heading', { name: `The newer version (version ${opened + 1})` })
	).toBeVisible();
	await expect(page.getByLabel('Question', { exact: true })).toHaveValue('Berik, on an old page?');
	await expectAccessible(page);
	await page.screenshot({ path: test.info().outputPath('question-conflict.png'), fullPage: true });
	// Saving again, knowingly, replaces the newer version.
	await page.getByRole('button', { name: 'Save question' }).click();
	await expect(page).toHaveURL(/\/questions\?saved=[^#]+(#saved)?$/);
	expect(question(app, lesson.questionId).data.prompt).toBe('Berik, on an old page?');
});

/**
 * Getting a class in: the join link and its QR code, students added from a list of names with
 * login cards, the first sign-in with a one-time password, a teacher's reset, names in Cyrillic.
 */
import QRCode from 'qrcode';
import type { Page } from '@playwright/test';
import { test, expect, createUser, expectAccessible } from './fixtures';
import { assignInUi, createClassInUi, pageFor } from './teacher-helpers';

const digits = () => String(Math.floor(Math.random() * 1e6)).padStart(6, '0');

async function shoot(page: Page, name: string) {
	if (!process.env.SCREENSHOTS) return;
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({
			path: `${process.env.SCREENSHOTS}/${name}-${width}.png`,
			fullPage: true
		});
	}
}

/** The login cards on the page, read as a person reads them. */
async function readCards(page: Page) {
	const cards = page.getByRole('list', { name: 'Login cards' }).getByRole('listitem');
	const out: { name: string; username: string; password: string }[] = [];
	for (const card of await cards.all()) {
		const values = await card.locator('dd').allTextContents();
		out.push({
			name: (await card.locator('.name').textContent())!.trim(),
			username: values[1].trim(),
			password: values[2].trim()
		});
	}
	return out;
}

test('the join link and its QR code bring a new student into the class after registering', async ({
	browser,
	app,
	teacher
}) => {
	const owner = await pageFor(browser, app, teacher);
	const { code } = await createClassInUi(owner, 'Tarih 7Ә');
	const link = (await owner.getByTestId('join-link').textContent())!.trim();
	expect(link).toMatch(new RegExp(`^http://[^/]+/join\\?code=${code}$`));
	// The QR code is the server's drawing of exactly that link.
	const figure = owner.getByRole('figure', { name: 'QR code of the join link' });
	await expect(figure.locator('svg')).toBeVisible();
	const drawn = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	const modules = /stroke="#000000" d="([^"]+)"/.exec(drawn)![1];
	expect(await figure.locator('svg path[stroke]').getAttribute('d')).toBe(modules);
	for (const width of [390, 1280]) {
		await owner.setViewportSize({ width, height: 900 });
		const box = (await figure.boundingBox())!;
		expect(box.x + box.width).toBeLessThanOrEqual(width);
		expect(box.width).toBeGreaterThan(100);
	}
	await expectAccessible(owner);
	await shoot(owner, 'class-page');

	// A phone opens the link (on this machine: the same path on the test server).
	const phone = await (await browser.newContext({ baseURL: app.baseURL })).newPage();
	await phone.setViewportSize({ width: 390, height: 800 });
	const { pathname, search } = new URL(link);
	await phone.goto(pathname + search);
	await expect(phone).toHaveURL(/\/login\?redirectTo=/);
	await expect(phone.getByText(`Sign in to join the class with the code ${code}`)).toBeVisible();
	await phone.getByRole('link', { name: 'Create one' }).click();
	await expect(phone.getByText(`joins the class with the code ${code} right away`)).toBeVisible();
	await expectAccessible(phone);

	// A Cyrillic username with Kazakh letters and a Kazakh name.
	const username = `Дәулет_${digits()}`;
	await phone.getByLabel('Username').fill(username);
	await phone.getByLabel('Your name').fill('Дәулет   Нұрланұлы');
	await phone.getByLabel('Password').fill('steppe-horizon-42');
	await phone.getByRole('button', { name: 'Create account' }).click();
	await expect(phone).toHaveURL(new RegExp(`/join\\?code=${code}$`));
	await expect(phone.getByRole('status')).toContainText('You are in "Tarih 7Ә"');
	await expect(phone.getByRole('region', { name: 'Your classes' })).toContainText('Tarih 7Ә');
	await expectAccessible(phone);

	// The teacher sees the name, not the username; the username is stored in lower case.
	await owner.reload();
	const roster = owner.getByRole('table', { name: 'Students in Tarih 7Ә' });
	await expect(roster.getByRole('rowheader', { name: 'Дәулет Нұрланұлы' })).toBeVisible();
	await expect(roster).toContainText(username.toLowerCase());
	await Promise.all([owner.context().close(), phone.context().close()]);
});

test('a signed-in student opening a join link finds the code filled in', async ({
	browser,
	app,
	teacher,
	student
}) => {
	const owner = await pageFor(browser, app, teacher);
	const { code } = await createClassInUi(owner, 'Link class');
	const page = await pageFor(browser, app, student);
	await page.goto(`/join?code=${code}`);
	await expect(page.getByLabel('Join code')).toHaveValue(code);
	await page.getByRole('button', { name: 'Join class' }).click();
	await expect(page.getByRole('status')).toContainText('You joined "Link class"');
	await Promise.all([owner.context().close(), page.context().close()]);
});

test('sign-in and registration refuse a username mixing look-alike scripts, and a student needs a name', async ({
	page
}) => {
	await page.goto('/register');
	await page.getByLabel('Username').fill(`\u0430dmin${digits()}`); // Cyrillic а, then Latin
	await page.getByLabel('Your name').fill('Someone');
	await page.getByLabel('Password').fill('steppe-horizon-42');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'mixes Cyrillic and Latin letters, which can look alike'
	);

	const res = await page.request.post('/register', {
		form: {
			username: `dana${digits()}`,
			password: 'steppe-horizon-42',
			role: 'student',
			displayName: ' '
		},
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(400);
	expect(await res.text()).toContain('Your name is required');
});

test('students added from a list get login cards; their first sign-in asks for a password of their own', async ({
	browser,
	app,
	teacher
}) => {
	test.setTimeout(90_000);
	const owner = await pageFor(browser, app, teacher);
	const { classId } = await createClassInUi(owner, '8Б');
	const names = owner.getByLabel('Names, one a line');

	// A repeated name stops the list, with the line named and the text kept.
	await names.fill('Әйгерім Сәдуақасова\n\nMarat Akhmetov\n  marat   AKHMETOV\n');
	await owner.getByRole('button', { name: 'Make accounts and login cards' }).click();
	await expect(owner).toHaveURL(`/teacher/classes/${classId}/add-students`);
	const alert = owner.getByRole('alert');
	await expect(alert).toContainText('No accounts were made');
	await expect(alert).toContainText('Line 4: “marat AKHMETOV” is on the list already (line 3)');
	await expect(owner.getByLabel('Names, one a line')).toHaveValue(
		/Marat Akhmetov\n {2}marat {3}AKHMETOV/
	);
	await expectAccessible(owner);
	await shoot(owner, 'add-students-problem');
	expect(
		app.db.prepare('select count(*) as n from class_members where class_id = ?').get(classId)
	).toEqual({ n: 0 });

	await owner.getByLabel('Names, one a line').fill('Әйгерім Сәдуақасова\n\nMarat Akhmetov\n');
	await owner.getByRole('button', { name: 'Make accounts and login cards' }).click();
	await expect(owner.getByRole('heading', { level: 1 })).toHaveText('Login cards for 8Б');
	await expect(owner.getByRole('status')).toContainText(
		'2 student accounts were made and added to 8Б. 1 blank line was skipped.'
	);
	await expect(owner.getByRole('button', { name: 'Print the cards' })).toBeVisible();
	const cards = await readCards(owner);
	expect(cards.map((c) => c.name)).toEqual(['Әйгерім Сәдуақасова', 'Marat Akhmetov']);
	expect(cards[0].username).toMatch(/^aigerim\.s\d{2}$/);
	expect(cards[1].username).toMatch(/^marat\.a\d{2}$/);
	for (const card of cards) expect(card.password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
	// The sign-in address a phone on the classroom network reaches (this server's /login).
	const address = (await owner.locator('.address').first().textContent())!.trim();
	expect(new URL(address).pathname).toBe('/login');
	expect(new URL(address).port).toBe(String(app.port));
	await expectAccessible(owner);
	await shoot(owner, 'login-cards');
	// Printed: the cards alone, without the site's header or the instructions.
	await owner.emulateMedia({ media: 'print' });
	await expect(owner.getByRole('banner')).toBeHidden();
	await expect(owner.getByRole('heading', { level: 1 })).toBeHidden();
	await expect(owner.getByRole('list', { name: 'Login cards' })).toBeVisible();
	if (process.env.SCREENSHOTS)
		await owner.pdf({ path: `${process.env.SCREENSHOTS}/login-cards.pdf` });
	await owner.emulateMedia({ media: 'screen' });
	// The one-time passwords are nowhere in the database.
	const stored = JSON.stringify(app.db.prepare('select * from users').all());
	for (const card of cards) expect(stored).not.toContain(card.password);

	// Marat signs in with his card on a phone and must choose his own password first.
	const marat = cards[1];
	const phone = await (await browser.newContext({ baseURL: app.baseURL })).newPage();
	await phone.setViewportSize({ width: 390, height: 800 });
	await phone.goto('/login');
	await phone.getByLabel('Username').fill(marat.username.toUpperCase());
	await phone.getByLabel('Password').fill(marat.password);
	await phone.getByRole('button', { name: 'Sign in' }).click();
	await expect(phone).toHaveURL('/account/new-password?redirectTo=%2F');
	await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Choose your password');
	await expectAccessible(phone);
	await shoot(phone, 'new-password');
	// No other page until then.
	await phone.goto('/history');
	await expect(phone).toHaveURL('/account/new-password?redirectTo=%2Fhistory');
	await phone.getByLabel('New password', { exact: true }).fill(marat.password);
	await phone.getByLabel('New password again').fill(marat.password);
	await phone.getByRole('button', { name: 'Save my password' }).click();
	await expect(phone.getByRole('alert')).toContainText(
		'not the one-time password from your teacher'
	);
	await phone.getByLabel('New password', { exact: true }).fill('karkaraly-pines-7');
	await phone.getByLabel('New password again').fill('karkaraly-pines-7');
	await phone.getByRole('button', { name: 'Save my password' }).click();
	await expect(phone).toHaveURL('/history');
	await expect(phone.getByRole('banner')).toContainText('Marat Akhmetov');

	// The card's password no longer works; his own does.
	const again = await (await browser.newContext({ baseURL: app.baseURL })).newPage();
	await again.goto('/login');
	await again.getByLabel('Username').fill(marat.username);
	await again.getByLabel('Password').fill(marat.password);
	await again.getByRole('button', { name: 'Sign in' }).click();
	await expect(again.getByRole('alert')).toContainText('Wrong username or password');

	// The class list and the gradebook show the names.
	await assignInUi(owner, classId);
	const roster = owner.getByRole('table', { name: 'Students in 8Б' });
	await expect(roster.getByRole('rowheader', { name: 'Әйгерім Сәдуақасова' })).toBeVisible();
	await expect(roster.getByRole('rowheader', { name: 'Marat Akhmetov' })).toBeVisible();
	await owner.goto(`/teacher/classes/${classId}/gradebook`);
	await expect(owner.getByRole('link', { name: 'Әйгерім Сәдуақасова' })).toBeVisible();
	await expect(owner.getByRole('link', { name: 'Marat Akhmetov' })).toBeVisible();
	await Promise.all([owner.context().close(), phone.context().close(), again.context().close()]);
});

test('a teacher resets the password of a student of her class to a one-time password', async ({
	browser,
	app,
	teacher
}) => {
	const owner = await pageFor(browser, app, teacher);
	const { classId, code } = await createClassInUi(owner, 'Reset class');
	const student = await createUser(app, 'student', 'forgetful');
	app.db
		.prepare('update users set display_name = ? where id = ?')
		.run('Дана Серікқызы', student.id);
	const studentPage = await pageFor(browser, app, student);
	await studentPage.goto(`/join?code=${code}`);
	await studentPage.getByRole('button', { name: 'Join class' }).click();
	await expect(studentPage.getByRole('status')).toContainText('You joined');

	await owner.goto(`/teacher/classes/${classId}`);
	await owner.getByRole('link', { name: 'Reset password of Дана Серікқызы' }).click();
	await expect(owner.getByRole('heading', { level: 1 })).toHaveText(
		'Reset the password of Дана Серікқызы'
	);
	// The student's own page in the class leads there too.
	await owner.goto(`/teacher/classes/${classId}/students/${student.id}`);
	await expectAccessible(owner);
	await owner.getByRole('link', { name: 'Reset password' }).click();
	await expect(owner.getByRole('heading', { level: 1 })).toHaveText(
		'Reset the password of Дана Серікқызы'
	);
	await expectAccessible(owner);
	await shoot(owner, 'reset-confirm');
	await owner.getByRole('button', { name: 'Make a one-time password' }).click();
	await expect(owner.getByRole('status')).toContainText(
		'has a new one-time password and was signed out everywhere'
	);
	const [card] = await readCards(owner);
	expect(card).toMatchObject({ name: 'Дана Серікқызы', username: student.username });
	await expectAccessible(owner);
	await shoot(owner, 'reset-card');

	// Her session ended; the old password is gone; the one-time one leads to choosing her own.
	await studentPage.goto('/history');
	await expect(studentPage).toHaveURL(/\/login\?redirectTo=%2Fhistory/);
	await studentPage.getByLabel('Username').fill(student.username);
	await studentPage.getByLabel('Password').fill(student.password);
	await studentPage.getByRole('button', { name: 'Sign in' }).click();
	await expect(studentPage.getByRole('alert')).toContainText('Wrong username or password');
	await studentPage.getByLabel('Password').fill(card.password);
	await studentPage.getByRole('button', { name: 'Sign in' }).click();
	await expect(studentPage).toHaveURL('/account/new-password?redirectTo=%2Fhistory');

	// Another teacher cannot reset her, not even by posting the form.
	const stranger = await pageFor(browser, app, await createUser(app, 'teacher', 'stranger'));
	const path = `/teacher/classes/${classId}/students/${student.id}/password`;
	expect((await stranger.request.get(path)).status()).toBe(404);
	const posted = await stranger.request.post(path, {
		form: {},
		headers: { origin: app.baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(posted.status()).toBe(404);
	await Promise.all([
		owner.context().close(),
		studentPage.context().close(),
		stranger.context().close()
	]);
});

test('a student without a name is asked for one on the home page', async ({
	browser,
	app,
	student,
	teacher
}) => {
	const owner = await pageFor(browser, app, teacher);
	const { classId, code } = await createClassInUi(owner, 'Old accounts');
	const page = await pageFor(browser, app, student);
	await page.goto(`/join?code=${code}`);
	await page.getByRole('button', { name: 'Join class' }).click();
	// Until then the teacher sees the username, marked.
	await owner.goto(`/teacher/classes/${classId}`);
	const row = owner.getByRole('row', { name: new RegExp(student.username) });
	await expect(row.getByRole('rowheader')).toHaveText(`${student.username} (no name yet)`);

	await page.goto('/');
	await expect(
		page.getByText(`Your teacher sees only your username, ${student.username}.`)
	).toBeVisible();
	await page.getByRole('link', { name: 'Add your name' }).click();
	await expectAccessible(page);
	await page.getByLabel('Your name').fill('ℍ<b>');
	await page.getByRole('button', { name: 'Save my name' }).click();
	await expect(page.getByRole('alert')).toContainText('A name uses letters');
	await page.getByLabel('Your name').fill('Ұлжан Қасым');
	await page.getByRole('button', { name: 'Save my name' }).click();
	await expect(page).toHaveURL('/');
	await expect(page.getByRole('banner')).toContainText('Ұлжан Қасым');
	await expect(page.getByText('Your teacher sees only your username')).toHaveCount(0);
	await owner.reload();
	await expect(
		owner.getByRole('table', { name: 'Students in Old accounts' }).getByRole('rowheader')
	).toHaveText('Ұлжан Қасым');
	await Promise.all([owner.context().close(), page.context().close()]);
});

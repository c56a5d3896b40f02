/**
 * Teacher accounts need an invitation: the setup code makes the first administrator, who
 * invites the other teachers from /admin.
 */
import {
	test,
	expect,
	createUser,
	expectAccessible,
	freePort,
	invitationCode,
	signInAs,
	startServer,
	SETUP_CODE
} from './fixtures';
import { alertText, post, send, rand } from './access-matrix.world';

const password = 'steppe wind at dawn';

test('without an invitation nobody becomes a teacher; a student needs none', async ({ app }) => {
	const none = await post(app, '/register', null, {
		username: `t-${rand()}`,
		password,
		role: 'teacher'
	});
	expect(none.status).toBe(400);
	expect(alertText(none.text)).toContain('needs an invitation code');
	const wrong = await post(app, '/register', null, {
		username: `t-${rand()}`,
		password,
		role: 'teacher',
		invite: 'NOT-A-CODE'
	});
	expect(wrong.status).toBe(400);
	expect(alertText(wrong.text)).toContain('not valid');
	const student = await post(app, '/register', null, {
		username: `s-${rand()}`,
		password,
		role: 'student',
		displayName: 'Invited Nobody',
		invite: ''
	});
	expect(student.status).toBe(303);
	const teachers = app.db
		.prepare("select count(*) as n from users where role = 'teacher' and username like 't-%'")
		.get() as { n: number };
	expect(teachers.n).toBe(0);

	// An invitation works once.
	const code = invitationCode(app);
	const invited = await post(app, '/register', null, {
		username: `t-${rand()}`,
		password,
		role: 'teacher',
		invite: code
	});
	expect(invited.status).toBe(303);
	expect(invited.location).toBe('/teacher');
	const again = await post(app, '/register', null, {
		username: `t-${rand()}`,
		password,
		role: 'teacher',
		invite: code
	});
	expect(again.status).toBe(400);
});

test('the setup code makes the first administrator, who invites and revokes teachers', async ({
	browser
}) => {
	const started = await startServer(await freePort());
	const app = started.server;
	try {
		const adminName = `head-${rand()}`;
		const first = await post(app, '/register', null, {
			username: adminName,
			password,
			role: 'teacher',
			invite: SETUP_CODE.toLowerCase()
		});
		expect(first.status).toBe(303);
		const row = app.db.prepare('select admin from users where username = ?').get(adminName) as {
			admin: number;
		};
		expect(row.admin).toBe(1);
		// The setup code is spent.
		const second = await post(app, '/register', null, {
			username: `t-${rand()}`,
			password,
			role: 'teacher',
			invite: SETUP_CODE
		});
		expect(second.status).toBe(400);

		// The administrator's page, in a browser, with the keyboard.
		const context = await browser.newContext({ baseURL: app.baseURL });
		const page = await context.newPage();
		const token = /sabaq_session=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')![1];
		await context.addCookies([{ name: 'sabaq_session', value: token, url: app.baseURL }]);
		await page.goto('/teacher');
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Admin' })
			.click();
		await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
		await page.getByLabel('For whom').fill('Dana Seitova');
		await page.getByLabel('For whom').press('Enter');
		await expect(page.getByText('New invitation for Dana Seitova')).toBeVisible();
		const code = (await page.getByTestId('invitation-code').textContent())!.trim();
		await page.getByLabel('For whom').fill('Erlan');
		await page.getByRole('button', { name: 'Create invitation' }).click();
		await expect(page.getByText('New invitation for Erlan')).toBeVisible();
		const unused = (await page.getByTestId('invitation-code').textContent())!.trim();
		await expectAccessible(page);
		await page.setViewportSize({ width: 390, height: 900 });
		await page.screenshot({ path: test.info().outputPath('admin-390.png'), fullPage: true });
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.screenshot({ path: test.info().outputPath('admin-1280.png'), fullPage: true });

		await page.getByRole('button', { name: 'Revoke the invitation for Erlan' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'revoked' })).toBeVisible();
		const revoked = await post(app, '/register', null, {
			username: `erlan-${rand()}`,
			password,
			role: 'teacher',
			invite: unused
		});
		expect(revoked.status).toBe(400);

		const dana = `dana-${rand()}`;
		const used = await post(app, '/register', null, {
			username: dana,
			password,
			role: 'teacher',
			invite: code
		});
		expect(used.status).toBe(303);
		await page.reload();
		await expect(page.getByRole('cell', { name: `Used by ${dana}` })).toBeVisible();
		await expect(page.getByRole('cell', { name: dana, exact: true })).toBeVisible();
		await context.close();

		// Another teacher, a student and a visitor are kept out.
		const teacher = await createUser(app, 'teacher');
		const student = await createUser(app, 'student');
		expect((await send(app, '/admin', { user: teacher })).status).toBe(403);
		expect((await send(app, '/admin', { user: student })).status).toBe(403);
		expect((await post(app, '/admin?/invite', teacher, { note: 'me' })).status).toBe(403);
		expect((await send(app, '/admin')).status).toBe(303);
	} finally {
		await started.stop();
	}
});

test('with no SETUP_CODE the server prints one at first start', async () => {
	const started = await startServer(await freePort(), { SETUP_CODE: '' });
	try {
		const printed = /Setup code: (\S+)/.exec(started.output());
		expect(printed).not.toBeNull();
		const res = await post(started.server, '/register', null, {
			username: `first-${rand()}`,
			password,
			role: 'teacher',
			invite: printed![1]
		});
		expect(res.status).toBe(303);
	} finally {
		await started.stop();
	}
});

test('the register page names the invitation field and passes axe', async ({ page }) => {
	await page.goto('/register');
	await expect(page.getByLabel('Invitation code')).toBeVisible();
	await expectAccessible(page);
});

test('an administrator opens the admin page', async ({ page, app }) => {
	const admin = await createUser(app, 'teacher', 'admin', { admin: true });
	await signInAs(page, app, admin);
	expect((await page.goto('/admin'))?.status()).toBe(200);
});

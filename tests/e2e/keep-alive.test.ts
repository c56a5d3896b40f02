import http from 'node:http';
import { expect, test } from './fixtures';

// A form the app answers without reading its body (here: an import posted by a visitor, sent to
// sign in) must not stall its keep-alive connection: scripts/serve.js reads the rest of the body
// and throws it away (discardUnreadBody, docs/decisions/0005).

interface Answer {
	status: number;
	/** Did this request go out on a connection an earlier request had used? */
	reusedSocket: boolean;
	localPort: number | undefined;
}

/** Sends one request through the agent and waits for the whole answer. */
function send(
	agent: http.Agent,
	port: number,
	options: { method: string; path: string; headers?: http.OutgoingHttpHeaders },
	body?: Buffer
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = http.request({ host: '127.0.0.1', port, agent, ...options }, (res) => {
			const localPort = res.socket.localPort;
			res.resume();
			res.on('end', () =>
				resolve({ status: res.statusCode ?? 0, reusedSocket: req.reusedSocket, localPort })
			);
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(body);
	});
}

test('a large form the app does not read leaves its keep-alive connection usable', async ({
	app
}) => {
	// One connection only: the second request waits for the first one's socket to be free, which
	// happens only once the whole 2 MB body has been taken by the server.
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const body = Buffer.from(`title=x&text=${'a'.repeat(2 * 1024 * 1024)}`);
	try {
		const refused = await send(
			agent,
			app.port,
			{
				method: 'POST',
				path: '/teacher/import?/import',
				headers: {
					origin: `http://127.0.0.1:${app.port}`,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': body.byteLength
				}
			},
			body
		);
		expect(refused.status).toBe(303);

		const next = await send(agent, app.port, { method: 'GET', path: '/login' });
		expect(next.status).toBe(200);
		expect(next.reusedSocket).toBe(true);
		expect(next.localPort).toBe(refused.localPort);
	} finally {
		agent.destroy();
	}
});

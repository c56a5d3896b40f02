/**
 * A server-sent event stream of one game for one screen (the host's or a player's), fed by
 * ./broadcast. It starts with the current state so a reconnecting screen catches up at once.
 */
import { subscribe, frameOf, type LiveMessage } from './broadcast';

const KEEP_ALIVE_MS = 25_000;
const encoder = new TextEncoder();

export interface StreamOptions {
	channel: string;
	/** 'host' or a player's id: decides which messages this stream gets. */
	audience: 'host' | { player: string };
	/** The first event, sent on connection. */
	initial: LiveMessage;
	signal: AbortSignal;
	/** Send the first event and end (`?once`): a snapshot for a screen that polls. */
	once?: boolean;
}

function wanted(message: LiveMessage, audience: StreamOptions['audience']): boolean {
	const to = message.to;
	if (to === 'all') return true;
	if (audience === 'host') return to === 'host';
	if (to === 'players') return true;
	return typeof to === 'object' && to.player === audience.player;
}

export function eventStream(options: StreamOptions): Response {
	let stop = () => {};
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			let open = true;
			const send = (frame: string) => {
				if (!open) return;
				try {
					controller.enqueue(encoder.encode(frame));
				} catch {
					stop();
				}
			};
			// Tells EventSource to retry after 1 s when the connection drops.
			send(`retry: 1000\n${frameOf(options.initial)}`);
			if (options.once) {
				open = false;
				controller.close();
				return;
			}
			const unsubscribe = subscribe(options.channel, (message, frame) => {
				if (wanted(message, options.audience)) send(frame);
			});
			const keepAlive = setInterval(() => send(': keep-alive\n\n'), KEEP_ALIVE_MS);
			keepAlive.unref?.();
			stop = () => {
				if (!open) return;
				open = false;
				unsubscribe();
				clearInterval(keepAlive);
				try {
					controller.close();
				} catch {
					// already closed by the client
				}
			};
			options.signal.addEventListener('abort', () => stop(), { once: true });
		},
		cancel() {
			stop();
		}
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			connection: 'keep-alive',
			'x-accel-buffering': 'no'
		}
	});
}

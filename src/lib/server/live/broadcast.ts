/**
 * The one place that knows how live-game events travel. Here: within this process, to the
 * streams it holds open. A deployment with several app servers would back `publish` with
 * PostgreSQL NOTIFY and deliver what LISTEN hears to `subscribe`'s listeners; messages are plain
 * JSON for that reason. Nothing else sends or receives events.
 */

export interface LiveMessage {
	/** The SSE event name. */
	event: string;
	/** JSON-serialisable payload. */
	data: unknown;
	/** Who gets it: everyone on the channel, only the host, only players, or one player (by id). */
	to: 'all' | 'host' | 'players' | { player: string };
}

export type Listener = (message: LiveMessage, frame: string) => void;

const channels = new Map<string, Set<Listener>>();

/** The SSE frame of a message, serialised once for every stream that gets it. */
export function frameOf(message: LiveMessage): string {
	return `event: ${message.event}\ndata: ${JSON.stringify(message.data)}\n\n`;
}

export function publish(channel: string, message: LiveMessage): void {
	const listeners = channels.get(channel);
	if (!listeners || listeners.size === 0) return;
	const frame = frameOf(message);
	for (const listener of listeners) {
		try {
			listener(message, frame);
		} catch {
			// A stream that broke mid-write is cleaned up by its own cancel; others still get it.
		}
	}
}

/** Listens to a channel until the returned function is called. */
export function subscribe(channel: string, listener: Listener): () => void {
	let listeners = channels.get(channel);
	if (!listeners) channels.set(channel, (listeners = new Set()));
	listeners.add(listener);
	return () => {
		listeners.delete(listener);
		if (listeners.size === 0 && channels.get(channel) === listeners) channels.delete(channel);
	};
}

/** How many listeners a channel has (for tests and the benchmark's counts). */
export function listenerCount(channel: string): number {
	return channels.get(channel)?.size ?? 0;
}

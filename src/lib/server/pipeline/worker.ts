// Runs the pure pipeline (text -> lessons -> question bank) off the main thread, so a long
// import never stalls the server. Built to build/worker/pipeline.js by `npm run build`.
import { parentPort } from 'node:worker_threads';
import { buildLessons } from '../../content';
import { bankFor } from './bank-for';
import type { WorkerReply, WorkerRequest } from './messages';

const port = parentPort!;
port.on('message', ({ text }: WorkerRequest) => {
	const reply = (message: WorkerReply) => port.postMessage(message);
	try {
		const doc = buildLessons(text);
		reply({ type: 'step', step: { stage: 'questions', lessons: doc.lessons.length } });
		reply({ type: 'done', processed: { doc, bank: bankFor(doc) } });
	} catch (error) {
		reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
	}
});

import type { SourceDocument } from '../../content/types';
import type { Question } from '../../quiz/types';

/** A step of turning a text into lessons, reported so that a long import can show progress. */
export type PipelineStep = { stage: 'lessons' } | { stage: 'questions'; lessons: number };

export interface WorkerRequest {
	text: string;
}

export type WorkerReply =
	| { type: 'step'; step: PipelineStep }
	| { type: 'done'; processed: { doc: SourceDocument; bank: Record<string, Question[]> } }
	| { type: 'failed'; message: string };

/** Starting a live game: from a lesson or from a class's assignment, with the host's choices. */
import { error } from '@sveltejs/kit';
import { DEFAULT_SECONDS, MAX_SECONDS, MIN_SECONDS } from '$lib/quiz/live/game';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db/connection';
import type { FormFailure } from '../forms';
import { assignmentBankOwner, bankOwnerFor } from '../bank-versions';
import { getAssignmentInClass } from '../assignments';
import { getClassForTeacher, listClassesForTeacher } from '../classes';
import { getLessonById, getVisibleLesson } from '../lessons';
import { createGame, liveQuestionCount, type LiveGame } from './games';
import { m } from '$lib/paraglide/messages';

export interface GameOrigin {
	lesson: { id: number; slug: string; title: string };
	/** Set when the game is an assignment's: answers of its class's students become attempts. */
	assignment: { id: string; classId: string; className: string; questionCount: number } | null;
	bankOwnerId: string | null;
	/** Questions a game on this bank can ask at most. */
	most: number;
	classes: { id: string; name: string }[];
}

/** Where the game comes from, from the query (?lesson=slug or ?class=ID&assignment=ID), or 404. */
export function gameOrigin(db: Db, teacher: SessionUser, url: URL): GameOrigin {
	const classId = url.searchParams.get('class');
	const assignmentId = url.searchParams.get('assignment');
	if (classId && assignmentId) {
		const klass = getClassForTeacher(db, classId, teacher.id);
		const found = klass ? getAssignmentInClass(db, klass.id, assignmentId) : undefined;
		if (!klass || !found) error(404, m.s_no_assignment_here());
		const lesson = getLessonById(db, found.assignment.lessonId)!;
		const bankOwnerId = assignmentBankOwner(db, found.assignment.id);
		return {
			lesson: { id: lesson.id, slug: lesson.slug, title: lesson.title },
			assignment: {
				id: found.assignment.id,
				classId: klass.id,
				className: klass.name,
				questionCount: found.assignment.questionCount
			},
			bankOwnerId,
			most: liveQuestionCount(db, lesson.id, bankOwnerId),
			classes: [{ id: klass.id, name: klass.name }]
		};
	}
	const lesson = getVisibleLesson(db, url.searchParams.get('lesson') ?? '', teacher);
	if (!lesson) error(404, m.no_lesson_here());
	const bankOwnerId = bankOwnerFor(lesson, teacher);
	return {
		lesson: { id: lesson.id, slug: lesson.slug, title: lesson.title },
		assignment: null,
		bankOwnerId,
		most: liveQuestionCount(db, lesson.id, bankOwnerId),
		classes: listClassesForTeacher(db, teacher.id)
			.filter((c) => !c.archived)
			.map((c) => ({ id: c.id, name: c.name }))
	};
}

/**
 * What a lesson page offers its teacher: the address that starts a live game on it, and how many
 * questions such a game can ask (0: none yet, so nothing to start).
 */
export function liveGameOffer(
	db: Db,
	lesson: { id: number; slug: string; ownerId: string | null },
	teacher: SessionUser
): { href: string; most: number } {
	return {
		href: `/teacher/live/new?lesson=${encodeURIComponent(lesson.slug)}`,
		most: liveQuestionCount(db, lesson.id, bankOwnerFor(lesson, teacher))
	};
}

export function defaultValues(origin: GameOrigin): Record<string, string> {
	return {
		count: String(Math.min(origin.assignment?.questionCount ?? 10, origin.most)),
		seconds: String(DEFAULT_SECONDS),
		leaderboard: 'on',
		lateJoin: 'on',
		who: 'anyone',
		classId: origin.assignment?.classId ?? ''
	};
}

export type StartResult = { ok: true; game: LiveGame } | FormFailure;

/** Reads the host's choices and starts the game. */
export function startGame(
	db: Db,
	teacher: SessionUser,
	origin: GameOrigin,
	form: FormData
): StartResult {
	const text = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v.trim() : '';
	};
	const fields = {
		count: text('count'),
		seconds: text('seconds'),
		leaderboard: text('leaderboard'),
		lateJoin: text('lateJoin'),
		who: text('who') || 'anyone',
		classId: origin.assignment?.classId ?? text('classId')
	};
	/** Refused, with the message beside the field it is about (none for the game as a whole). */
	const fail = (message: string, field?: keyof typeof fields): StartResult => ({
		ok: false,
		message,
		fields,
		errors: field ? { [field]: message } : {}
	});
	if (origin.most === 0) return fail(m.s_no_live_questions());
	const count = Number(fields.count);
	if (!Number.isInteger(count) || count < 1) return fail(m.s_choose_question_count(), 'count');
	const seconds = Number(fields.seconds);
	if (!Number.isInteger(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
		return fail(m.s_seconds_range({ min: MIN_SECONDS, max: MAX_SECONDS }), 'seconds');
	}
	if (fields.who !== 'anyone' && fields.who !== 'class') {
		return fail(m.s_choose_who_may_join(), 'who');
	}
	const klass = fields.classId ? origin.classes.find((c) => c.id === fields.classId) : undefined;
	if (fields.classId && !klass) return fail(m.s_choose_your_class(), 'classId');
	if (fields.who === 'class' && !klass) return fail(m.s_choose_class_to_join(), 'classId');
	const game = createGame(db, {
		hostId: teacher.id,
		lessonId: origin.lesson.id,
		assignmentId: origin.assignment?.id ?? null,
		classId: klass?.id ?? null,
		bankOwnerId: origin.bankOwnerId,
		count: Math.min(count, origin.most),
		seconds,
		leaderboard: fields.leaderboard === 'on',
		lateJoin: fields.lateJoin === 'on',
		classOnly: fields.who === 'class'
	});
	if (!game) return fail(m.s_no_live_questions());
	return { ok: true, game };
}

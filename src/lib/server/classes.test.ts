import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/test-db';
import {
	createClass,
	generateJoinCode,
	getClassForTeacher,
	isMember,
	joinClass,
	NO_CLASS_FOR_CODE,
	JOIN_CODE_ALPHABET,
	JOIN_CODE_LENGTH,
	listClassesForTeacher,
	listRoster,
	normalizeJoinCode,
	regenerateJoinCode,
	removeStudent,
	setClassArchived,
	uniqueJoinCode
} from './classes';
import { addLesson, addUser } from './teacher-test-helpers';
import { createAssignment } from './assignments';

describe('join codes', () => {
	it('use only letters and digits that cannot be mistaken for one another', () => {
		for (const c of '0O1IL2Z5S68B') expect(JOIN_CODE_ALPHABET).not.toContain(c);
		for (let i = 0; i < 200; i++) {
			const code = generateJoinCode();
			expect(code).toHaveLength(JOIN_CODE_LENGTH);
			for (const c of code) expect(JOIN_CODE_ALPHABET).toContain(c);
		}
	});

	it('are spread over the whole alphabet', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 300; i++) for (const c of generateJoinCode()) seen.add(c);
		expect(seen.size).toBe(JOIN_CODE_ALPHABET.length);
	});

	it('are normalised from what people type', () => {
		expect(normalizeJoinCode(' k7tq-4m ')).toBe('K7TQ4M');
		expect(normalizeJoinCode('k7 tq 4m')).toBe('K7TQ4M');
	});

	it('skip codes already taken', () => {
		const { db } = createTestDatabase();
		const teacher = addUser(db, 'teacher');
		const first = createClass(db, teacher.id, 'A');
		// A generator that first proposes the taken code, then another one.
		const taken = [...first.joinCode].map((c) => JOIN_CODE_ALPHABET.indexOf(c));
		const other = Array(JOIN_CODE_LENGTH).fill(0);
		const sequence = [...taken, ...other];
		let i = 0;
		const code = uniqueJoinCode(db, () => sequence[i++ % sequence.length]);
		expect(code).not.toBe(first.joinCode);
		expect(code).toBe(JOIN_CODE_ALPHABET[0].repeat(JOIN_CODE_LENGTH));
	});
});

describe('classes', () => {
	it('belong to their teacher only', () => {
		const { db } = createTestDatabase();
		const mine = addUser(db, 'teacher');
		const other = addUser(db, 'teacher');
		const c = createClass(db, mine.id, 'History 9B');
		expect(getClassForTeacher(db, c.id, mine.id)?.name).toBe('History 9B');
		expect(getClassForTeacher(db, c.id, other.id)).toBeUndefined();
		expect(listClassesForTeacher(db, other.id)).toEqual([]);
		expect(listClassesForTeacher(db, mine.id)[0]).toMatchObject({
			name: 'History 9B',
			studentCount: 0,
			assignmentCount: 0
		});
	});

	it('count their students and assignments', () => {
		const { db } = createTestDatabase();
		const teacher = addUser(db, 'teacher');
		const c = createClass(db, teacher.id, 'History 9B');
		createClass(db, teacher.id, 'Empty class');
		const { lessonId } = addLesson(db);
		for (const n of [1, 2]) {
			joinClass(db, addUser(db, 'student').id, c.joinCode);
			createAssignment(db, c.id, {
				lessonId,
				dueAt: null,
				questionCount: 10 + n,
				attemptsAllowed: 0,
				reveal: 'each'
			});
		}
		const listed = listClassesForTeacher(db, teacher.id);
		expect(listed.find((x) => x.id === c.id)).toMatchObject({
			studentCount: 2,
			assignmentCount: 2
		});
		expect(listed.find((x) => x.id !== c.id)).toMatchObject({
			studentCount: 0,
			assignmentCount: 0
		});
	});

	it('let students join by code, in any case, once', () => {
		const { db } = createTestDatabase();
		const teacher = addUser(db, 'teacher');
		const student = addUser(db, 'student');
		const c = createClass(db, teacher.id, 'History');
		expect(joinClass(db, student.id, 'NOPE00')).toMatchObject({ ok: false, reason: 'unknown' });
		expect(joinClass(db, student.id, c.joinCode.toLowerCase())).toMatchObject({ ok: true });
		expect(isMember(db, c.id, student.id)).toBe(true);
		expect(joinClass(db, student.id, c.joinCode)).toEqual({
			ok: false,
			reason: 'member',
			message: 'You are already in this class.'
		});
		expect(listRoster(db, c.id).map((s) => s.id)).toEqual([student.id]);
		expect(listClassesForTeacher(db, teacher.id)[0].studentCount).toBe(1);
	});

	it('refuse new members when archived and after the code changes', () => {
		const { db } = createTestDatabase();
		const teacher = addUser(db, 'teacher');
		const student = addUser(db, 'student');
		const c = createClass(db, teacher.id, 'History');
		setClassArchived(db, c.id, true);
		// An archived class's code answers as a code that names no class.
		expect(joinClass(db, student.id, c.joinCode)).toEqual(joinClass(db, student.id, 'NOPE00'));
		expect(joinClass(db, student.id, c.joinCode)).toEqual({
			ok: false,
			reason: 'unknown',
			message: NO_CLASS_FOR_CODE
		});
		setClassArchived(db, c.id, false);
		const fresh = regenerateJoinCode(db, c.id);
		expect(fresh).not.toBe(c.joinCode);
		expect(joinClass(db, student.id, c.joinCode)).toMatchObject({ ok: false, reason: 'unknown' });
		expect(joinClass(db, student.id, fresh)).toMatchObject({ ok: true });
	});

	it('remove a student from the roster', () => {
		const { db } = createTestDatabase();
		const teacher = addUser(db, 'teacher');
		const student = addUser(db, 'student');
		const c = createClass(db, teacher.id, 'History');
		joinClass(db, student.id, c.joinCode);
		expect(removeStudent(db, c.id, student.id)).toBe(true);
		expect(removeStudent(db, c.id, student.id)).toBe(false);
		expect(listRoster(db, c.id)).toEqual([]);
	});
});

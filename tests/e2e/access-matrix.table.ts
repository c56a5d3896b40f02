/**
 * Who may open every route and use every form action, for six actors: a visitor, student A1
 * (a member of teacher A's class A), student B1 (a member of teacher B's class B), teacher A,
 * teacher B and an administrator (a teacher with no class of her own, who invites teachers). access-matrix.test.ts fails when a route or action on disk has no entry here.
 *
 * Outcomes: a status, 'login' (303 to /login?redirectTo=<the path>), a redirect elsewhere, or
 * for actions 'allowed' (a legitimate use, not posted by the denial check; see `control`).
 */
import type { Actor, World } from './access-matrix.world';

export type Outcome = 200 | 400 | 403 | 404 | 'login' | { redirect: string | RegExp };
export type PerActor<T> = Record<Actor, T>;

export interface ActionCase {
	/** A plausible, valid body: what a legitimate user of the action would send. */
	form: (w: World) => Record<string, string>;
	expect: PerActor<Outcome | 'allowed'>;
	/** The allowed actor's own use of the same form, checked last: it must work. */
	control?: {
		actor: Actor;
		expect: Outcome;
		/** Whether the database must change (default true). */
		changes?: boolean;
		/** Run after the others: it takes something away from the world. */
		destructive?: boolean;
	};
}

export interface RouteCase {
	name: string;
	params: (w: World) => Record<string, string>;
	/** Appended to the path, e.g. '?once'. */
	query?: string | ((w: World) => string);
	get: PerActor<Outcome>;
	actions?: Record<string, ActionCase>;
}

export interface RouteEntry {
	cases: RouteCase[];
}

// ---------------------------------------------------------------- shorthands

const all = <T>(o: T): PerActor<T> => ({
	visitor: o,
	studentA: o,
	studentB: o,
	teacherA: o,
	teacherB: o,
	admin: o
});
/**
 * Teacher pages: visitors sign in, students are refused. The administrator is a teacher of no
 * class: what both teachers get, or else (one side's class or import) 404, unless told.
 */
const teachers = <T>(
	teacherA: T | Outcome,
	teacherB: T | Outcome,
	admin: T | Outcome = teacherA === teacherB ? teacherA : 404
): PerActor<T | Outcome> => ({
	visitor: 'login',
	studentA: 403,
	studentB: 403,
	teacherA,
	teacherB,
	admin
});
/** Student pages: visitors sign in, teachers are refused. */
const students = <T>(studentA: T | Outcome, studentB: T | Outcome): PerActor<T | Outcome> => ({
	visitor: 'login',
	studentA,
	studentB,
	teacherA: 403,
	teacherB: 403,
	admin: 403
});
/** Class A's side sees it; class B's side and visitors get `other`. */
const sideA = <T>(ok: T, other: Outcome, visitor: Outcome = other): PerActor<T | Outcome> => ({
	visitor,
	studentA: ok,
	studentB: other,
	teacherA: ok,
	teacherB: other,
	admin: other
});

const bundled = (w: World) => ({ slug: w.bundled.slug });
const imported = (w: World) => ({ slug: w.imported.slug });
const classA = (w: World) => ({ id: w.classA.id });
const classB = (w: World) => ({ id: w.classB.id });
const home = { redirect: '/' };
const teacherHome = { redirect: '/teacher' };
const signedInHome: PerActor<Outcome> = {
	visitor: 200,
	studentA: home,
	studentB: home,
	teacherA: teacherHome,
	teacherB: teacherHome,
	admin: teacherHome
};

const assignmentForm = (w: World) => ({
	lessonId: String(w.bundled.lessonId),
	dueAt: '2031-05-01T10:00',
	questionCount: '5',
	attemptsAllowed: '2',
	reveal: 'submit'
});
const classActions = (owner: 'teacherA' | 'teacherB'): Record<string, ActionCase> => {
	const expect = (): PerActor<Outcome | 'allowed'> =>
		owner === 'teacherA' ? teachers('allowed', 404) : teachers(404, 'allowed');
	const control = owner === 'teacherA';
	return {
		rename: {
			form: () => ({ name: 'Renamed by someone else' }),
			expect: expect(),
			control: control ? { actor: 'teacherA', expect: 200 } : undefined
		},
		archive: {
			form: () => ({}),
			expect: expect(),
			control: control ? { actor: 'teacherA', expect: 200, destructive: true } : undefined
		},
		unarchive: {
			form: () => ({}),
			expect: expect(),
			control: control ? { actor: 'teacherA', expect: 200, destructive: true } : undefined
		},
		regenerate: {
			form: () => ({}),
			expect: expect(),
			control: control ? { actor: 'teacherA', expect: 200 } : undefined
		},
		remove: {
			form: (w) => ({
				studentId: owner === 'teacherA' ? w.users.studentA.id : w.users.studentB.id
			}),
			expect: expect(),
			control: control ? { actor: 'teacherA', expect: 200, destructive: true } : undefined
		},
		assign: {
			form: assignmentForm,
			expect: expect(),
			control: control
				? { actor: 'teacherA', expect: { redirect: /^\/teacher\/classes\/[^/]+\?assigned=1/ } }
				: undefined
		}
	};
};

// ---------------------------------------------------------------- the table

export const accessTable: Record<string, RouteEntry> = {
	'/': { cases: [{ name: 'lesson list', params: () => ({}), get: all(200) }] },
	'/healthz': { cases: [{ name: 'health check', params: () => ({}), get: all(200) }] },

	'/lessons/[slug]': {
		cases: [
			{ name: 'bundled lesson', params: bundled, get: all(200) },
			{ name: "teacher A's import", params: imported, get: sideA(200, 404) }
		]
	},

	'/texts/[id]': {
		cases: [
			{
				name: "teacher A's import",
				params: (w) => ({ id: String(w.imported.sourceId) }),
				get: sideA(200, 404)
			}
		]
	},

	'/lessons/[slug]/quiz': {
		cases: [
			{
				name: 'bundled lesson',
				params: bundled,
				get: all(200),
				actions: {
					start: {
						form: () => ({ count: '5' }),
						expect: students('allowed', 'allowed'),
						control: { actor: 'studentA', expect: { redirect: /^\/attempts\// } }
					},
					practice: {
						form: () => ({ seed: 'matrix-seed', count: '5' }),
						expect: all('allowed'),
						control: { actor: 'visitor', expect: 200, changes: false }
					}
				}
			},
			{
				name: "teacher A's import",
				params: imported,
				get: sideA(200, 404),
				actions: {
					start: {
						form: () => ({ count: '5' }),
						expect: { ...students('allowed', 404), visitor: 'login' }
					},
					practice: {
						form: () => ({ seed: 'matrix-seed', count: '5' }),
						expect: sideA('allowed', 404)
					}
				}
			}
		]
	},

	'/login': {
		cases: [
			{
				name: 'sign in',
				params: () => ({}),
				get: signedInHome,
				actions: {
					default: {
						form: (w) => ({ username: w.users.studentA.username, password: 'not the password' }),
						expect: all('allowed'),
						control: { actor: 'visitor', expect: 400, changes: false }
					}
				}
			}
		]
	},

	'/register': {
		cases: [
			{
				name: 'create an account',
				params: () => ({}),
				get: signedInHome,
				actions: {
					default: {
						form: (w) => ({
							username: w.users.studentA.username,
							password: 'steppe wind at dawn',
							role: 'student'
						}),
						expect: all('allowed'),
						// The name is taken: 400 with a message, nothing written.
						control: { actor: 'visitor', expect: 400, changes: false }
					}
				}
			}
		]
	},

	'/logout': {
		cases: [
			{
				name: 'sign out',
				params: () => ({}),
				get: all(home),
				actions: {
					default: {
						form: () => ({}),
						expect: {
							visitor: home,
							studentA: 'allowed',
							studentB: 'allowed',
							teacherA: 'allowed',
							teacherB: 'allowed',
							admin: 'allowed'
						},
						control: { actor: 'studentB', expect: home, destructive: true }
					}
				}
			}
		]
	},

	'/account': {
		cases: [
			{
				name: 'own account',
				params: () => ({}),
				get: { ...all<Outcome>(200), visitor: 'login' },
				actions: {
					// Each acts on the signed-in account only: nobody else's to reach.
					password: {
						form: () => ({ current: 'wrong', password: 'steppe-horizon-42', confirm: 'x' }),
						expect: { ...all<Outcome | 'allowed'>('allowed'), visitor: 'login' }
					},
					signOutEverywhere: {
						form: () => ({}),
						expect: { ...all<Outcome | 'allowed'>('allowed'), visitor: 'login' }
					}
				}
			}
		]
	},

	// Only someone signed in with a teacher's one-time password chooses one here; everyone else
	// is sent on (see auth/first-sign-in). Nobody else's account is reachable.
	'/account/new-password': {
		cases: [
			{
				name: 'own account, no one-time password',
				params: () => ({}),
				get: {
					visitor: 'login',
					studentA: { redirect: '/' },
					studentB: { redirect: '/' },
					teacherA: { redirect: '/teacher' },
					teacherB: { redirect: '/teacher' },
					admin: { redirect: '/teacher' }
				},
				actions: {
					default: {
						form: () => ({ password: 'steppe-horizon-42', confirm: 'steppe-horizon-42' }),
						expect: { ...all<Outcome | 'allowed'>('allowed'), visitor: 'login' }
					}
				}
			}
		]
	},

	'/account/name': {
		cases: [
			{
				name: 'own name',
				params: () => ({}),
				get: { ...all<Outcome>(200), visitor: 'login' },
				actions: {
					default: {
						form: () => ({ displayName: 'Дана Нұрланқызы' }),
						expect: { ...all<Outcome | 'allowed'>('allowed'), visitor: 'login' }
					}
				}
			}
		]
	},

	'/admin': {
		cases: [
			{
				name: 'administration',
				params: () => ({}),
				get: { ...teachers(403, 403), admin: 200 },
				actions: {
					invite: {
						form: () => ({ note: 'A new colleague' }),
						expect: { ...teachers<'allowed'>(403, 403), admin: 'allowed' },
						control: { actor: 'admin', expect: 200 }
					},
					revoke: {
						form: (w) => ({ invitationId: w.invitationId }),
						expect: { ...teachers<'allowed'>(403, 403), admin: 'allowed' },
						control: { actor: 'admin', expect: 200, destructive: true }
					}
				}
			}
		]
	},

	'/assignments/[id]': {
		cases: [
			{
				name: "class A's assignment",
				params: (w) => ({ id: w.classA.assignmentId }),
				get: students(200, 404),
				actions: {
					start: {
						form: () => ({}),
						expect: students('allowed', 404),
						control: { actor: 'studentA', expect: { redirect: /^\/attempts\// } }
					}
				}
			},
			{
				name: "class B's assignment",
				params: (w) => ({ id: w.classB.assignmentId }),
				get: students(404, 200),
				actions: { start: { form: () => ({}), expect: students(404, 'allowed') } }
			}
		]
	},

	'/attempts/[id]': {
		cases: [
			{
				name: "student A1's attempt",
				params: (w) => ({ id: w.attemptA }),
				get: {
					visitor: 'login',
					studentA: 200,
					studentB: 404,
					teacherA: 404,
					teacherB: 404,
					admin: 404
				},
				actions: {
					answer: {
						form: () => ({ position: '0', answer: 'True' }),
						expect: {
							visitor: 'login',
							studentA: 'allowed',
							studentB: 404,
							teacherA: 404,
							teacherB: 404,
							admin: 404
						}
					},
					retry: {
						form: () => ({}),
						expect: {
							visitor: 'login',
							studentA: 'allowed',
							studentB: 404,
							teacherA: 404,
							teacherB: 404,
							admin: 404
						},
						control: { actor: 'studentA', expect: { redirect: /^\/attempts\// } }
					}
				}
			},
			{
				name: "student B1's attempt",
				params: (w) => ({ id: w.attemptB }),
				get: {
					visitor: 'login',
					studentA: 404,
					studentB: 200,
					teacherA: 404,
					teacherB: 404,
					admin: 404
				}
			}
		]
	},

	'/history': { cases: [{ name: 'history', params: () => ({}), get: students(200, 200) }] },

	'/join': {
		cases: [
			{
				name: 'join a class',
				params: () => ({}),
				get: students(200, 200),
				actions: {
					default: {
						form: (w) => ({ code: w.classA.code }),
						expect: students('allowed', 'allowed')
					}
				}
			}
		]
	},

	// The language switcher: anyone may choose; it changes only their own account or cookie.
	'/language': {
		cases: [
			{
				name: 'language switcher',
				params: () => ({}),
				get: all({ redirect: '/' }),
				actions: {
					default: {
						form: () => ({ locale: 'kk', return: '/' }),
						expect: all('allowed')
					}
				}
			}
		]
	},

	'/play': {
		cases: [
			{
				name: 'join a live game',
				params: () => ({}),
				get: all(200),
				actions: {
					// Anyone with the PIN may join (visitors with a nickname, students under their name).
					default: {
						form: (w) => ({ pin: w.liveGame.pin, nickname: 'Someone' }),
						expect: all('allowed')
					}
				}
			}
		]
	},

	// A game's pages need the player's own cookie, which no actor here has.
	'/play/[pin]': {
		cases: [
			{
				name: 'live game, not a player',
				params: (w) => ({ pin: w.liveGame.pin }),
				get: all({ redirect: /^\/play\?pin=\d{6}$/ })
			}
		]
	},

	'/play/[pin]/answer': {
		cases: [
			{
				name: 'answer, not a player',
				params: (w) => ({ pin: w.liveGame.pin }),
				get: all({ redirect: /^\/play\/\d{6}$/ }),
				actions: {
					POST: {
						form: () => ({ position: '0', response: 'True' }),
						expect: all({ redirect: /^\/play\?pin=\d{6}$/ })
					}
				}
			}
		]
	},

	'/play/[pin]/events': {
		cases: [
			{
				name: 'live events, not a player',
				params: (w) => ({ pin: w.liveGame.pin }),
				get: all(404)
			}
		]
	},

	'/play/[pin]/state': {
		cases: [
			{
				name: 'live state, not a player',
				params: (w) => ({ pin: w.liveGame.pin }),
				get: all(404)
			}
		]
	},

	'/review': {
		cases: [
			{
				name: 'review queue',
				params: () => ({}),
				get: students(200, 200),
				actions: {
					answer: {
						// Student A1's card: B1 has no such card and is refused without a change.
						form: (w) => ({ questionId: w.reviewQuestionA, answer: 'anything' }),
						expect: students('allowed', 400),
						control: { actor: 'studentA', expect: 200 }
					}
				}
			}
		]
	},

	'/teacher': {
		cases: [
			{
				name: 'teacher home',
				params: () => ({}),
				get: teachers(200, 200),
				actions: {
					createClass: {
						form: () => ({ name: 'A class of my own' }),
						expect: teachers('allowed', 'allowed'),
						control: { actor: 'teacherB', expect: { redirect: /^\/teacher\/classes\// } }
					}
				}
			}
		]
	},

	'/teacher/attempts/[attemptId]': {
		cases: [
			{
				name: "student A1's attempt",
				params: (w) => ({ attemptId: w.attemptA }),
				get: teachers(200, 404),
				// Only the class's own teacher comments on an attempt or changes its score.
				actions: {
					comment: {
						form: () => ({ comment: 'Well done on the figures.' }),
						expect: teachers('allowed', 404),
						control: { actor: 'teacherA', expect: 200 }
					},
					override: {
						form: () => ({ score: '95', reason: 'The last question was ambiguous.' }),
						expect: teachers('allowed', 404),
						control: { actor: 'teacherA', expect: 200 }
					},
					restore: {
						form: () => ({}),
						expect: teachers('allowed', 404),
						// After the override above: the graded score counts again.
						control: { actor: 'teacherA', expect: 200, destructive: true }
					}
				}
			},
			{
				name: "student B1's attempt",
				params: (w) => ({ attemptId: w.attemptB }),
				get: teachers(404, 200),
				actions: {
					comment: { form: () => ({ comment: 'Not yours.' }), expect: teachers(404, 'allowed') },
					override: {
						form: () => ({ score: '10', reason: 'Not yours.' }),
						expect: teachers(404, 'allowed')
					},
					restore: { form: () => ({}), expect: teachers(404, 'allowed') }
				}
			}
		]
	},

	'/teacher/classes/[id]': {
		cases: [
			{
				name: 'class A',
				params: classA,
				get: teachers(200, 404),
				actions: classActions('teacherA')
			},
			{
				name: 'class B',
				params: classB,
				get: teachers(404, 200),
				actions: classActions('teacherB')
			}
		]
	},

	'/teacher/classes/[id]/assignments/[assignmentId]': {
		cases: [
			{
				name: "class A's assignment",
				params: (w) => ({ id: w.classA.id, assignmentId: w.classA.assignmentId }),
				get: teachers(200, 404),
				actions: {
					update: {
						form: assignmentForm,
						expect: teachers('allowed', 404),
						control: { actor: 'teacherA', expect: { redirect: /^\/teacher\/classes\// } }
					},
					delete: {
						form: () => ({}),
						expect: teachers('allowed', 404),
						control: {
							actor: 'teacherA',
							expect: { redirect: /^\/teacher\/classes\// },
							destructive: true
						}
					}
				}
			},
			{
				// Class B's assignment under class A's address: not in that class.
				name: "class B's assignment in class A's address",
				params: (w) => ({ id: w.classA.id, assignmentId: w.classB.assignmentId }),
				get: teachers(404, 404),
				actions: {
					update: { form: assignmentForm, expect: teachers(404, 404) },
					delete: { form: () => ({}), expect: teachers(404, 404) }
				}
			}
		]
	},

	'/teacher/classes/[id]/assignments/[assignmentId]/stats': {
		cases: [
			{
				name: "class A's assignment",
				params: (w) => ({ id: w.classA.id, assignmentId: w.classA.assignmentId }),
				get: teachers(200, 404)
			},
			{
				name: "class B's assignment in class A's address",
				params: (w) => ({ id: w.classA.id, assignmentId: w.classB.assignmentId }),
				get: teachers(404, 404)
			}
		]
	},

	'/teacher/classes/[id]/gradebook': {
		cases: [
			{ name: 'class A', params: classA, get: teachers(200, 404) },
			{ name: 'class B', params: classB, get: teachers(404, 200) }
		]
	},

	'/teacher/classes/[id]/gradebook.csv': {
		cases: [
			{ name: 'class A', params: classA, get: teachers(200, 404) },
			{ name: 'class B', params: classB, get: teachers(404, 200) }
		]
	},

	// Accounts made from a list of names go into the teacher's own class only.
	'/teacher/classes/[id]/add-students': {
		cases: [
			{
				name: 'class A',
				params: classA,
				get: teachers(200, 404),
				actions: {
					default: {
						form: () => ({ names: 'Matrix Student' }),
						expect: teachers('allowed', 404),
						control: { actor: 'teacherA', expect: 200 }
					}
				}
			},
			{
				name: 'class B',
				params: classB,
				get: teachers(404, 200),
				actions: {
					default: {
						form: () => ({ names: 'Matrix Student' }),
						expect: teachers(404, 'allowed'),
						control: { actor: 'teacherB', expect: 200 }
					}
				}
			}
		]
	},

	// A teacher resets the password of a student of her own class only.
	'/teacher/classes/[id]/students/[studentId]/password': {
		cases: [
			{
				name: 'student A1 in class A',
				params: (w) => ({ id: w.classA.id, studentId: w.users.studentA.id }),
				get: teachers(200, 404),
				actions: {
					default: { form: () => ({}), expect: teachers('allowed', 404) }
				}
			},
			{
				// Class A's student may be removed by an earlier check; class B keeps its student.
				name: 'student B1 in class B',
				params: (w) => ({ id: w.classB.id, studentId: w.users.studentB.id }),
				get: teachers(404, 200),
				actions: {
					default: {
						form: () => ({}),
						expect: teachers(404, 'allowed'),
						// Student B1 is signed out by it: checked after everything else.
						control: { actor: 'teacherB', expect: 200, destructive: true }
					}
				}
			},
			{
				name: 'student B1 under class A',
				params: (w) => ({ id: w.classA.id, studentId: w.users.studentB.id }),
				get: teachers(404, 404),
				actions: {
					default: { form: () => ({}), expect: teachers(404, 404) }
				}
			},
			{
				name: 'teacher B under class A',
				params: (w) => ({ id: w.classA.id, studentId: w.users.teacherB.id }),
				get: teachers(404, 404),
				actions: {
					default: { form: () => ({}), expect: teachers(404, 404) }
				}
			}
		]
	},

	'/teacher/classes/[id]/students/[studentId]': {
		cases: [
			{
				name: 'student A1 in class A',
				params: (w) => ({ id: w.classA.id, studentId: w.users.studentA.id }),
				get: teachers(200, 404)
			},
			{
				name: 'student B1 under class A',
				params: (w) => ({ id: w.classA.id, studentId: w.users.studentB.id }),
				get: teachers(404, 404)
			}
		]
	},

	'/teacher/live/new': {
		cases: [
			{
				name: 'from a bundled lesson',
				params: () => ({}),
				query: (w) => `?lesson=${w.bundled.slug}`,
				get: teachers(200, 200, 200),
				actions: {
					default: {
						form: () => ({ count: '3', seconds: '20', who: 'anyone' }),
						expect: teachers('allowed', 'allowed', 'allowed')
					}
				}
			},
			{
				name: "from class A's assignment",
				params: () => ({}),
				query: (w) => `?class=${w.classA.id}&assignment=${w.classA.assignmentId}`,
				get: teachers(200, 404),
				actions: {
					default: {
						form: () => ({ count: '3', seconds: '20', who: 'class' }),
						expect: teachers('allowed', 404),
						control: { actor: 'teacherA', expect: { redirect: /^\/teacher\/live\/[\w-]+$/ } }
					}
				}
			}
		]
	},

	'/teacher/live/[id]': {
		cases: [
			{
				name: "teacher A's game",
				params: (w) => ({ id: w.liveGame.id }),
				get: teachers(200, 404),
				actions: {
					next: {
						form: () => ({}),
						expect: teachers('allowed', 404),
						control: { actor: 'teacherA', expect: 200 }
					},
					close: { form: () => ({}), expect: teachers('allowed', 404) },
					remove: {
						form: (w) => ({ playerId: w.liveGame.playerId }),
						expect: teachers('allowed', 404),
						control: { actor: 'teacherA', expect: 200, destructive: true }
					},
					end: {
						form: () => ({}),
						expect: teachers('allowed', 404),
						control: { actor: 'teacherA', expect: 200, destructive: true }
					}
				}
			}
		]
	},

	'/teacher/live/[id]/events': {
		cases: [
			{
				name: "teacher A's game, one snapshot",
				params: (w) => ({ id: w.liveGame.id }),
				query: '?once',
				get: teachers(200, 404)
			}
		]
	},

	'/teacher/live/[id]/results.csv': {
		cases: [
			{
				name: "teacher A's game",
				params: (w) => ({ id: w.liveGame.id }),
				get: teachers(200, 404)
			}
		]
	},

	'/teacher/import': {
		cases: [
			{
				name: 'imports',
				params: () => ({}),
				get: teachers(200, 200),
				actions: {
					import: {
						form: () => ({ title: 'Short text', text: 'A text to import. It has two sentences.' }),
						expect: teachers('allowed', 'allowed')
					},
					renameText: {
						form: (w) => ({ sourceId: String(w.imported.sourceId), title: 'Renamed text' }),
						// Not teacher B's import: refused with a message and nothing renamed.
						expect: teachers('allowed', 400, 400),
						control: { actor: 'teacherA', expect: 200 }
					},
					renameLesson: {
						form: (w) => ({ slug: w.imported.slug, title: 'Renamed lesson' }),
						expect: teachers('allowed', 400, 400),
						control: { actor: 'teacherA', expect: 200 }
					},
					delete: {
						form: (w) => ({ sourceId: String(w.imported.sourceId) }),
						// Not teacher B's import: refused with a message and nothing deleted.
						expect: teachers('allowed', 400, 400),
						control: { actor: 'teacherA', expect: 200, destructive: true }
					}
				}
			}
		]
	},

	'/teacher/import/[jobId]': {
		cases: [
			{
				name: "teacher A's import job",
				params: (w) => ({ jobId: w.imported.jobId }),
				get: teachers(200, 404)
			}
		]
	},

	'/teacher/lessons/[slug]/export/[format]': {
		cases: [
			{
				name: 'bundled lesson as GIFT',
				params: (w) => ({ slug: w.bundled.slug, format: 'gift' }),
				get: teachers(200, 200)
			},
			{
				name: "teacher A's import as JSON",
				params: (w) => ({ slug: w.imported.slug, format: 'json' }),
				get: teachers(200, 404)
			},
			{
				name: "teacher A's import as QTI",
				params: (w) => ({ slug: w.imported.slug, format: 'qti' }),
				get: teachers(200, 404)
			},
			{
				name: 'an unknown format',
				params: (w) => ({ slug: w.bundled.slug, format: 'exe' }),
				get: teachers(404, 404)
			}
		]
	},

	'/teacher/lessons/[slug]/questions': {
		cases: [
			{
				name: 'bundled lesson',
				params: bundled,
				get: teachers(200, 200),
				actions: {
					toggle: {
						form: (w) => ({ questionId: w.bundled.questionId, enabled: 'true' }),
						expect: teachers('allowed', 'allowed')
					}
				}
			},
			{
				name: "teacher A's import",
				params: imported,
				get: teachers(200, 404),
				actions: {
					toggle: {
						form: (w) => ({ questionId: w.imported.questionId, enabled: 'false' }),
						expect: teachers('allowed', 404),
						control: { actor: 'teacherA', expect: 200 }
					}
				}
			}
		]
	},

	'/teacher/lessons/[slug]/questions/[questionId]': {
		cases: [
			{
				name: "a question of teacher A's import",
				params: (w) => ({ slug: w.imported.slug, questionId: w.imported.questionId }),
				get: teachers(200, 404),
				actions: {
					save: {
						form: () => ({
							type: 'true_false',
							prompt: 'The floods reached the valley in spring.',
							explanation: '',
							sentence: '',
							answer: 'false'
						}),
						expect: teachers('allowed', 404),
						control: { actor: 'teacherA', expect: { redirect: /\/questions\?saved=.+#saved$/ } }
					}
				}
			},
			{
				name: "teacher A's question under a bundled lesson's address",
				params: (w) => ({ slug: w.bundled.slug, questionId: w.imported.questionId }),
				get: teachers(404, 404),
				actions: {
					save: {
						form: () => ({
							type: 'true_false',
							prompt: 'The floods reached the valley in spring.',
							answer: 'false'
						}),
						expect: teachers(404, 404)
					}
				}
			},
			{
				name: 'a question of a bundled lesson',
				params: (w) => ({ slug: w.bundled.slug, questionId: w.bundled.questionId }),
				get: teachers(200, 200)
			}
		]
	},

	'/teacher/lessons/[slug]/questions/new': {
		cases: [
			{ name: 'bundled lesson', params: bundled, get: teachers(200, 200) },
			{
				name: "teacher A's import",
				params: imported,
				get: teachers(200, 404),
				actions: {
					create: {
						form: () => ({
							type: 'true_false',
							prompt: 'A question someone else wants to add.',
							answer: 'true'
						}),
						expect: teachers('allowed', 404),
						control: { actor: 'teacherA', expect: { redirect: /\/questions#q-/ } }
					}
				}
			}
		]
	},

	'/teacher/lessons/[slug]/stats': {
		cases: [
			// Teacher B's statistics of a shared lesson count only teacher B's students.
			{ name: 'bundled lesson', params: bundled, get: teachers(200, 200) },
			{ name: "teacher A's import", params: imported, get: teachers(200, 404) }
		]
	},

	// A printable worksheet and its answer key: teachers only, never students or visitors.
	'/teacher/lessons/[slug]/worksheet': {
		cases: [
			{ name: 'bundled lesson', params: bundled, get: teachers(200, 200) },
			{ name: "teacher A's import", params: imported, get: teachers(200, 404) }
		]
	},

	'/teacher/lessons/[slug]/worksheet/key': {
		cases: [
			{ name: 'bundled lesson', params: bundled, get: teachers(200, 200) },
			{ name: "teacher A's import", params: imported, get: teachers(200, 404) }
		]
	}
};

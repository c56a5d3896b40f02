/**
 * The pure core (src/lib/people, the password rules) explains refusals in English and cannot import
 * the compiled messages (it also runs in the CLI and the import worker); an import job's progress
 * and outcome are stored in English in its row and read later, maybe in another language. These
 * messages are put into the interface language here, at the server's edge, by their exact wording;
 * a message not listed stays as it is. core-messages.test.ts checks that each is listed.
 */
import { m } from '$lib/paraglide/messages';

type Translate = (match: RegExpMatchArray) => string;

const scriptNames: Record<string, () => string> = {
	Latin: m.script_latin,
	Cyrillic: m.script_cyrillic,
	Greek: m.script_greek,
	'another script’s': m.script_another
};
function scriptList(english: string): string {
	const names = english.split(/, | and /).map((name) => scriptNames[name]?.() ?? name);
	return names.length === 1
		? names[0]
		: `${names.slice(0, -1).join(', ')} ${m.and()} ${names.at(-1)}`;
}

/** What content/validate.ts names: a file as "name.txt", or the pasted text. */
function sourceName(english: string): string {
	if (english === 'The pasted text') return m.core_pasted_text();
	const file = /^"(.*)"$/s.exec(english);
	return file ? m.core_file_named({ name: file[1] }) : english;
}

const known: [RegExp, Translate][] = [
	[/^Username is required\.$/, () => m.username_required()],
	[
		/^A username has (\d+) to (\d+) characters\.$/,
		([, min, max]) => m.username_length({ min, max })
	],
	[/^A username uses letters \(of any alphabet\)/, () => m.username_shape()],
	[
		/^“(.*)” mixes (.+) letters, which can look alike\. Write a username in one alphabet\.$/s,
		([, value, scripts]) => m.username_mixed({ value, scripts: scriptList(scripts) })
	],
	[/^Your name is required, so your teacher knows you\.$/, () => m.name_required()],
	[/^A name can have at most (\d+) characters\.$/, ([, max]) => m.name_too_long({ max })],
	[/^A name uses letters \(of any alphabet\)/, () => m.name_characters()],
	[/^A name needs at least one letter\.$/, () => m.name_needs_letter()],
	[/^Password is required\.$/, () => m.password_required()],
	[/^Use at least (\d+) characters for the password\.$/, ([, count]) => m.password_min({ count })],
	[/^Use at most (\d+) characters for the password\.$/, ([, count]) => m.password_max({ count })],
	[/^That password is too common\. Choose another\.$/, () => m.password_common()],
	[/^The password must not contain the username\.$/, () => m.password_has_username()],
	[/^Use a password with more different characters\.$/, () => m.password_variety()],
	// A teacher's pasted list of names (src/lib/people/name-list.ts)
	[
		/^Line (\d+) \(“(.*)”\): (.*)$/s,
		([, line, text, problem]) =>
			m.t_line_problem({ line, text, problem: localizeCoreMessage(problem) })
	],
	[
		/^Line (\d+): “(.*)” is on the list already \(line (\d+)\)\./s,
		([, line, name, first]) => m.t_line_twice({ line, name, first })
	],
	[/^Paste at least one name, one a line\.$/, () => m.t_names_required()],
	[
		/^The list has (\d+) names; add at most (\d+) at a time\./,
		([, count, max]) => m.t_list_too_many({ count, max })
	],
	// A text sent for import that is not one (src/lib/content/validate.ts)
	[
		/^(The pasted text|".*") is too large \(([\d.]+) MB; the limit is 2 MB\)\.$/s,
		([, name, mb]) => m.core_text_too_large({ name: sourceName(name), mb })
	],
	[
		/^(The pasted text|".*") looks binary, not text\.$/s,
		([, name]) => m.core_text_binary({ name: sourceName(name) })
	],
	[
		/^(The pasted text|".*") is not valid UTF-8 text\.$/s,
		([, name]) => m.core_text_not_utf8({ name: sourceName(name) })
	],
	[
		/^(The pasted text|".*") is empty\.$/s,
		([, name]) => m.core_text_empty({ name: sourceName(name) })
	],
	// Import jobs (imports.ts, import-queue.ts)
	[/^The lessons could not be saved\. (.*)$/s, ([, reason]) => m.import_not_saved({ reason })],
	[/^Waiting to start…$/, () => m.import_waiting_start()],
	[/^Step 1 of 3: /, () => m.import_step1()],
	[
		/^Step 2 of 3: writing questions for (\d+) lessons?…$/,
		([, n]) => m.import_step2({ count: +n })
	],
	[/^Step 3 of 3: saving (\d+) lessons? /, ([, n]) => m.import_step3({ count: +n })],
	[/^Waiting: (\d+) imports? ahead\./, ([, n]) => m.import_waiting_ahead({ count: +n })],
	[
		/^Made (\d+) lessons? with (\d+) questions\.$/,
		([, n, questions]) => m.import_made_questions({ count: +n, questions })
	],
	[
		/^Made (\d+) lessons? from a text in (Russian|Kazakh|a language other than English)\./,
		([, n, language]) =>
			m.import_made_not_english({
				count: +n,
				language: (language === 'Russian'
					? m.language_ru
					: language === 'Kazakh'
						? m.language_kk
						: m.language_other)()
			})
	],
	[
		/^Made (\d+) lessons? but no questions: the text is too short/,
		([, n]) => m.import_made_none_short({ count: +n })
	],
	[
		/^Made (\d+) lessons? but no questions: the text states too few/,
		([, n]) => m.import_made_none_facts({ count: +n })
	],
	[/^The text is too short to make a lesson\./, () => m.import_too_short()],
	[/^The import was interrupted \(the server restarted\)\./, () => m.t_import_interrupted()],
	[/^The text could not be turned into lessons\./, () => m.import_failed_prose()],
	[
		/^The import took longer than ([\d.]+) s and was stopped/,
		([, seconds]) => m.import_time_limit({ seconds })
	]
];

/** `text` in the request's interface language when it is one of the core's known messages. */
export function localizeCoreMessage(text: string): string;
export function localizeCoreMessage(text: string | null): string | null;
export function localizeCoreMessage(text: string | null): string | null {
	if (text === null) return null;
	for (const [pattern, translate] of known) {
		const match = text.match(pattern);
		if (match) return translate(match);
	}
	return text;
}

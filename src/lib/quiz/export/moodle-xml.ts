/** Moodle XML export of a question bank. */
import { escapeHtml, escapeXml, formatNumber, oneLine, stripInvalidXml } from './escape';
import type { BankExport } from './types';
import type { Question } from '../types';

const MOODLE_TYPE: Record<Question['type'], string> = {
	multiple_choice: 'multichoice',
	true_false: 'truefalse',
	fill_blank: 'shortanswer',
	numeric: 'numerical',
	matching: 'matching'
};

/** `<text>` holding HTML that shows the plain text literally. */
function htmlText(text: string): string {
	return `<text>${escapeXml(escapeHtml(text))}</text>`;
}

function plainText(text: string): string {
	return `<text>${escapeXml(text)}</text>`;
}

function answer(fraction: number, text: string, format: 'html' | 'plain_text' = 'html'): string {
	const body = format === 'html' ? htmlText(text) : plainText(text);
	return `    <answer fraction="${fraction}" format="${format}">\n      ${body}\n    </answer>`;
}

function name(q: Question): string {
	const prompt = oneLine(q.prompt);
	const short = prompt.length > 60 ? `${prompt.slice(0, 57)}...` : prompt;
	return `${q.id}: ${short}`;
}

function body(q: Question): string[] {
	switch (q.type) {
		case 'multiple_choice':
			return [
				...q.options.map((o) => answer(o === q.answer ? 100 : 0, o)),
				'    <single>true</single>',
				'    <shuffleanswers>1</shuffleanswers>',
				'    <answernumbering>abc</answernumbering>'
			];
		case 'true_false':
			return [
				answer(q.answer ? 100 : 0, 'true', 'plain_text'),
				answer(q.answer ? 0 : 100, 'false', 'plain_text')
			];
		case 'fill_blank': {
			const variants = [
				...new Set([q.answer, ...(q.accept ?? [])].map((v) => oneLine(stripInvalidXml(v))))
			].filter(Boolean);
			return ['    <usecase>0</usecase>', ...variants.map((v) => answer(100, v, 'plain_text'))];
		}
		case 'numeric': {
			const lines = [
				'    <answer fraction="100">',
				`      <text>${formatNumber(q.answer)}</text>`,
				`      <tolerance>${formatNumber(Math.abs(q.tolerance || 0))}</tolerance>`,
				'    </answer>'
			];
			if (q.unit.trim()) {
				lines.push(
					'    <units>',
					'      <unit>',
					'        <multiplier>1</multiplier>',
					`        <unit_name>${escapeXml(oneLine(q.unit))}</unit_name>`,
					'      </unit>',
					'    </units>',
					'    <unitgradingtype>0</unitgradingtype>',
					'    <unitpenalty>0</unitpenalty>',
					'    <showunits>3</showunits>',
					'    <unitsleft>0</unitsleft>'
				);
			}
			return lines;
		}
		case 'matching':
			return [
				'    <shuffleanswers>true</shuffleanswers>',
				...q.pairs.map(
					([l, r]) =>
						`    <subquestion format="html">\n      ${htmlText(l)}\n      <answer>\n        ${plainText(r)}\n      </answer>\n    </subquestion>`
				)
			];
	}
}

/** One `<question>` element. */
export function moodleQuestionXml(q: Question): string {
	const feedback = [q.explanation?.trim(), q.source?.sentence ? `Source: ${q.source.sentence}` : '']
		.filter(Boolean)
		.map((t) => `<p>${escapeHtml(oneLine(t as string))}</p>`)
		.join('');
	return [
		`  <question type="${MOODLE_TYPE[q.type]}">`,
		`    <name>${plainText(name(q))}</name>`,
		`    <questiontext format="html">${htmlText(q.prompt)}</questiontext>`,
		`    <generalfeedback format="html"><text>${escapeXml(feedback)}</text></generalfeedback>`,
		'    <defaultgrade>1</defaultgrade>',
		'    <penalty>0</penalty>',
		'    <hidden>0</hidden>',
		`    <idnumber>${escapeXml(q.id)}</idnumber>`,
		...body(q),
		'  </question>'
	].join('\n');
}

/** Moodle category path segment: a slash inside a name is written as "//". */
function categoryName(title: string): string {
	return oneLine(title).replace(/\//g, '//') || 'Sabaq';
}

/** The whole bank as a Moodle XML `<quiz>`, inside a category named after the title. */
export function toMoodleXml(bank: BankExport): string {
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<quiz>',
		'  <question type="category">',
		`    <category><text>${escapeXml(`$course$/top/${categoryName(bank.title)}`)}</text></category>`,
		'  </question>',
		...bank.questions.map(moodleQuestionXml),
		'</quiz>',
		''
	].join('\n');
}

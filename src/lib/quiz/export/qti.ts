/** IMS QTI 2.1 export: one assessmentItem per question, an assessmentTest and a content package. */
import { escapeXml as x, formatNumber, oneLine } from './escape';
import type { BankExport } from './types';
import { createZip } from './zip';
import type { MatchingQuestion, Question } from '../types';

const NS = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const SCHEMA = `${NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd`;
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const TEMPLATES = 'http://www.imsglobal.org/question/qti_v2p1/rptemplates';

/** A QTI identifier (XML NCName) derived from a question id. */
export function qtiIdentifier(id: string): string {
	const clean = id.replace(/[^A-Za-z0-9._-]/g, '_');
	return /^[A-Za-z_]/.test(clean) ? clean : `Q${clean}`;
}

const SCORE = `  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">
    <defaultValue><value>0</value></defaultValue>
  </outcomeDeclaration>`;

function setScore(value: number): string {
	return `<setOutcomeValue identifier="SCORE"><baseValue baseType="float">${value}</baseValue></setOutcomeValue>`;
}

function choiceItem(
	choices: { id: string; text: string }[],
	correct: string,
	prompt: string,
	shuffle: boolean
) {
	return {
		declaration: `  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>${correct}</value></correctResponse>
  </responseDeclaration>`,
		body: `    <choiceInteraction responseIdentifier="RESPONSE" shuffle="${shuffle}" maxChoices="1">
      <prompt>${x(prompt)}</prompt>
${choices.map((c) => `      <simpleChoice identifier="${c.id}">${x(c.text)}</simpleChoice>`).join('\n')}
    </choiceInteraction>`,
		processing: `  <responseProcessing template="${TEMPLATES}/match_correct"/>`
	};
}

function textEntry(prompt: string, expectedLength: number): string {
	return `    <p>${x(prompt)}</p>
    <p><textEntryInteraction responseIdentifier="RESPONSE" expectedLength="${expectedLength}"/></p>`;
}

function matchingItem(q: MatchingQuestion) {
	const rights = [...q.options];
	for (const [, r] of q.pairs) if (!rights.includes(r)) rights.push(r);
	const leftId = (i: number) => `L${i + 1}`;
	const rightId = (r: string) => `R${rights.indexOf(r) + 1}`;
	const uses = (r: string) => Math.max(1, q.pairs.filter(([, pr]) => pr === r).length);
	const pairs = q.pairs.map(([, r], i) => `${leftId(i)} ${rightId(r)}`);
	return {
		declaration: `  <responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="directedPair">
    <correctResponse>
${pairs.map((p) => `      <value>${p}</value>`).join('\n')}
    </correctResponse>
    <mapping defaultValue="0" lowerBound="0" upperBound="${q.pairs.length}">
${pairs.map((p) => `      <mapEntry mapKey="${p}" mappedValue="1"/>`).join('\n')}
    </mapping>
  </responseDeclaration>`,
		outcomes: `  <outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float">
    <defaultValue><value>${q.pairs.length}</value></defaultValue>
  </outcomeDeclaration>`,
		body: `    <matchInteraction responseIdentifier="RESPONSE" shuffle="true" maxAssociations="${q.pairs.length}">
      <prompt>${x(q.prompt)}</prompt>
      <simpleMatchSet>
${q.pairs.map(([l], i) => `        <simpleAssociableChoice identifier="${leftId(i)}" matchMax="1">${x(l)}</simpleAssociableChoice>`).join('\n')}
      </simpleMatchSet>
      <simpleMatchSet>
${rights.map((r) => `        <simpleAssociableChoice identifier="${rightId(r)}" matchMax="${uses(r)}">${x(r)}</simpleAssociableChoice>`).join('\n')}
      </simpleMatchSet>
    </matchInteraction>`,
		processing: `  <responseProcessing template="${TEMPLATES}/map_response"/>`
	};
}

function parts(q: Question): {
	declaration: string;
	outcomes?: string;
	body: string;
	processing: string;
} {
	switch (q.type) {
		case 'multiple_choice': {
			const choices = q.options.map((text, i) => ({ id: `C${i + 1}`, text }));
			const correct = choices.find((c) => c.text === q.answer)?.id ?? 'C1';
			return choiceItem(choices, correct, q.prompt, true);
		}
		case 'true_false':
			return choiceItem(
				[
					{ id: 'T', text: 'True' },
					{ id: 'F', text: 'False' }
				],
				q.answer ? 'T' : 'F',
				q.prompt,
				false
			);
		case 'fill_blank': {
			const stripped = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '');
			const variants = [q.answer, ...(q.accept ?? [])].flatMap((v) => [
				oneLine(v),
				stripped(oneLine(v))
			]);
			const unique = [...new Set(variants.filter(Boolean))];
			return {
				declaration: `  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string">
    <correctResponse><value>${x(oneLine(q.answer))}</value></correctResponse>
    <mapping defaultValue="0" lowerBound="0" upperBound="1">
${unique.map((v) => `      <mapEntry mapKey="${x(v)}" mappedValue="1" caseSensitive="false"/>`).join('\n')}
    </mapping>
  </responseDeclaration>`,
				body: textEntry(q.prompt, Math.max(10, ...unique.map((v) => v.length + 2))),
				processing: `  <responseProcessing template="${TEMPLATES}/map_response"/>`
			};
		}
		case 'numeric': {
			const t = formatNumber(Math.abs(q.tolerance || 0));
			return {
				declaration: `  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="float">
    <correctResponse><value>${formatNumber(q.answer)}</value></correctResponse>
  </responseDeclaration>`,
				body: textEntry(q.unit.trim() ? `${q.prompt} (${oneLine(q.unit)})` : q.prompt, 12),
				processing: `  <responseProcessing>
    <responseCondition>
      <responseIf>
        <isNull><variable identifier="RESPONSE"/></isNull>
        ${setScore(0)}
      </responseIf>
      <responseElseIf>
        <equal toleranceMode="absolute" tolerance="${t} ${t}" includeLowerBound="true" includeUpperBound="true">
          <variable identifier="RESPONSE"/>
          <correct identifier="RESPONSE"/>
        </equal>
        ${setScore(1)}
      </responseElseIf>
      <responseElse>
        ${setScore(0)}
      </responseElse>
    </responseCondition>
  </responseProcessing>`
			};
		}
		case 'matching':
			return matchingItem(q);
	}
}

/** The assessmentItem XML for one question. */
export function qtiItemXml(q: Question, identifier = qtiIdentifier(q.id)): string {
	const p = parts(q);
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<assessmentItem xmlns="${NS}" xmlns:xsi="${XSI}" xsi:schemaLocation="${SCHEMA}" identifier="${identifier}" title="${x(oneLine(q.prompt).slice(0, 80))}" adaptive="false" timeDependent="false">`,
		p.declaration,
		SCORE,
		...(p.outcomes ? [p.outcomes] : []),
		'  <itemBody>',
		p.body,
		'  </itemBody>',
		p.processing,
		'</assessmentItem>',
		''
	].join('\n');
}

/** Unique item identifiers for a bank, in order. */
function identifiers(questions: Question[]): string[] {
	const used = new Set<string>();
	return questions.map((q) => {
		const base = qtiIdentifier(q.id);
		let id = base;
		for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
		used.add(id);
		return id;
	});
}

export function qtiTestXml(title: string, ids: string[]): string {
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<assessmentTest xmlns="${NS}" xmlns:xsi="${XSI}" xsi:schemaLocation="${SCHEMA}" identifier="TEST" title="${x(oneLine(title))}">`,
		'  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>',
		'  <testPart identifier="PART1" navigationMode="nonlinear" submissionMode="simultaneous">',
		`    <assessmentSection identifier="SECTION1" title="${x(oneLine(title))}" visible="true">`,
		...ids.map((id) => `      <assessmentItemRef identifier="${id}" href="items/${id}.xml"/>`),
		'    </assessmentSection>',
		'  </testPart>',
		'  <outcomeProcessing>',
		'    <setOutcomeValue identifier="SCORE"><sum><testVariables variableIdentifier="SCORE"/></sum></setOutcomeValue>',
		'  </outcomeProcessing>',
		'</assessmentTest>',
		''
	].join('\n');
}

export function qtiManifestXml(ids: string[]): string {
	const items = ids.map(
		(id) => `    <resource identifier="RES-${id}" type="imsqti_item_xmlv2p1" href="items/${id}.xml">
      <file href="items/${id}.xml"/>
    </resource>`
	);
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="MANIFEST-SABAQ" xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd">',
		'  <metadata>',
		'    <schema>QTIv2.1 Package</schema>',
		'    <schemaversion>1.0.0</schemaversion>',
		'  </metadata>',
		'  <organizations/>',
		'  <resources>',
		`    <resource identifier="RES-TEST" type="imsqti_test_xmlv2p1" href="assessmentTest.xml">`,
		'      <file href="assessmentTest.xml"/>',
		...ids.map((id) => `      <dependency identifierref="RES-${id}"/>`),
		'    </resource>',
		...items,
		'  </resources>',
		'</manifest>',
		''
	].join('\n');
}

/** The bank as a QTI 2.1 content package (ZIP bytes). */
export function toQtiPackage(bank: BankExport): Uint8Array {
	const ids = identifiers(bank.questions);
	return createZip([
		{ name: 'imsmanifest.xml', data: qtiManifestXml(ids) },
		{ name: 'assessmentTest.xml', data: qtiTestXml(bank.title, ids) },
		...bank.questions.map((q, i) => ({ name: `items/${ids[i]}.xml`, data: qtiItemXml(q, ids[i]) }))
	]);
}

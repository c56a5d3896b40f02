/** Who must act: the subject of an instruction ("Large companies must invest ...", "the Government is instructed to ..."). */

export interface ActorMention {
	start: number;
	end: number;
	text: string;
}

const MODAL_ANYWHERE =
	/\s(?:must|should|needs? to|has to|have to|is instructed|was instructed|are instructed|were instructed|is responsible|are responsible|is directly responsible|will make)\b/;
const AGENT_HEAD =
	/^(?:[a-z]+(?:ies|ers|ors|ents|ants|ists|ils|ies|nies|dies|ses|ts)|government|akimat|ministry|akim|university|commission|council|parliament|companies|bodies|enterprises|authorities|owners|people|citizens|residents|Government|Akimat|Ministry|Akim|University|Commission|Council|Parliament)$/i;
const INSTRUCT_OBJECT =
	/\b(?:instructs|instructed|urged|called on|calls on)\s+(the\s+[A-Za-z]+(?:\s+of\s+[A-Z][a-z]+)?|[A-Z][a-z]+)\s+(?:to|,)/;

/** The acting noun phrase of a statement, if it states an obligation or instruction. */
export function findActor(text: string): ActorMention | null {
	const modal = text.match(MODAL_ANYWHERE);
	if (modal && (modal.index ?? 0) > 0) {
		const subject = text
			.slice(0, modal.index)
			.replace(/\s+(?:[a-z]+ly|also)$/, '')
			.trim();
		const words = subject.split(/\s+/);
		if (
			words.length <= 6 &&
			!/[,;]/.test(subject) &&
			!/\b(?:it|this|there|which|that|who|is|are|was|were|has|have)\b/i.test(subject) &&
			!/\bPresident\b|\b[a-z]+ed\b/.test(subject) &&
			AGENT_HEAD.test(
				subject
					.split(/\s+of\s+/)[0]
					.split(/\s+/)
					.pop() ?? ''
			)
		)
			return { start: 0, end: subject.length, text: subject };
	}
	const object = text.match(INSTRUCT_OBJECT);
	if (object && !/\bPresident\b/.test(object[1])) {
		const start = (object.index ?? 0) + object[0].indexOf(object[1]);
		return { start, end: start + object[1].length, text: object[1] };
	}
	return null;
}

/** Actor as an answer option: "the Government", "large companies". */
export function actorOption(text: string): string {
	const lowered = text.replace(/^The\b/, 'the');
	const first = lowered.split(' ')[0];
	return /^[A-Z][a-z]+$/.test(first) && !/^(?:Akim|Government|Akimat|Ministry)$/.test(first)
		? lowered.charAt(0).toLowerCase() + lowered.slice(1)
		: lowered;
}

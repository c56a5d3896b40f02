/** Fields echoed back to a form, by name, as they were typed. */
export type Fields = Record<string, string>;

/** Each field's own problem, by the field's name: shown beside it (Field's `error`). */
export type FieldErrors = Record<string, string>;

/** What any action of the app answers, as a page reads it from `form`. */
export type FormResult = {
	action?: string;
	message?: string;
	success?: string;
	fields?: Fields;
	errors?: FieldErrors;
} | null;

/** The answer when it is for the form of `action`, else null: each form shows only its own. */
export function resultFor<R extends FormResult>(form: R | undefined, action: string) {
	return form?.action === action ? form : null;
}

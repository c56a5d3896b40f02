/**
 * Which interface language a request is answered in: the account's saved choice, else the
 * language cookie, else the browser's Accept-Language, else English. Pure: the hook
 * (src/lib/server/i18n.ts) and the anonymous page cache both decide with this one function.
 */
export const LOCALES = ['en', 'kk', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const BASE_LOCALE: Locale = 'en';
/** The cookie that keeps a visitor's choice (signed-in people keep it on the account too). */
export const LOCALE_COOKIE = 'sabaq_locale';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The first supported language of an Accept-Language header, by q-value (kk-KZ counts as kk). */
export function fromAcceptLanguage(header: string | null | undefined): Locale | null {
	if (!header) return null;
	const wanted = header
		.split(',')
		.map((part, index) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
		})
		.filter((entry) => entry.tag && entry.q > 0 && !Number.isNaN(entry.q))
		.sort((a, b) => b.q - a.q || a.index - b.index);
	for (const { tag } of wanted) {
		const base = tag.split('-')[0];
		if (isLocale(base)) return base;
	}
	return null;
}

/** The value of one cookie in a Cookie header. */
export function cookieValue(header: string | null | undefined, name: string): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const at = part.indexOf('=');
		if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
	}
	return null;
}

export function chooseLocale(input: {
	saved?: string | null;
	cookie?: string | null;
	acceptLanguage?: string | null;
}): Locale {
	if (isLocale(input.saved)) return input.saved;
	if (isLocale(input.cookie)) return input.cookie;
	return fromAcceptLanguage(input.acceptLanguage) ?? BASE_LOCALE;
}

/** The language of a visitor without an account, from the request's headers alone. */
export function visitorLocale(
	cookieHeader: string | null | undefined,
	acceptLanguage?: string | null
) {
	return chooseLocale({ cookie: cookieValue(cookieHeader, LOCALE_COOKIE), acceptLanguage });
}

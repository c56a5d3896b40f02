/**
 * Dates, times and numbers in the page's language, with Intl (CLDR): "9 Dec 2026" in English,
 * "2026 ж. 9 жел." in Kazakh, "9 дек. 2026 г." in Russian. The language is the request's
 * (Paraglide's getLocale); outside a request, English.
 */
import { getLocale } from '$lib/paraglide/runtime';
import type { Locale } from './locale';

/** English dates are written day-month (British), as the app always did. */
const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : locale);

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
	let formatter = cache.get(key) as T | undefined;
	if (!formatter) cache.set(key, (formatter = make()));
	return formatter;
}

export type DateStyle = 'dateTime' | 'date' | 'dayMonth' | 'weekdayDateTime' | 'longDayTime';
const dateOptions: Record<DateStyle, Intl.DateTimeFormatOptions> = {
	dateTime: { dateStyle: 'medium', timeStyle: 'short' },
	date: { dateStyle: 'medium' },
	dayMonth: { day: 'numeric', month: 'short' },
	longDayTime: {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		hour: '2-digit',
		minute: '2-digit'
	},
	weekdayDateTime: {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit'
	}
};

export function formatDate(
	date: Date | string | number,
	style: DateStyle = 'dateTime',
	locale: Locale = getLocale()
): string {
	const formatter = cached(
		`d ${locale} ${style}`,
		() => new Intl.DateTimeFormat(intlLocale(locale), dateOptions[style])
	);
	return formatter.format(new Date(date));
}

export function formatNumber(value: number, locale: Locale = getLocale()): string {
	return cached(`n ${locale}`, () => new Intl.NumberFormat(intlLocale(locale))).format(value);
}

/** A share from 0 to 1 as a whole percent ("76%", "76 %"); a dash when there is none. */
export function formatPercent(share: number | null | undefined, locale: Locale = getLocale()) {
	if (share === null || share === undefined || Number.isNaN(share)) return '—';
	const formatter = cached(
		`p ${locale}`,
		() => new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 })
	);
	return formatter.format(share);
}

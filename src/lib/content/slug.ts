/** Kebab-case ASCII slugs, unique within one document. */
import { toPlainLatin } from '../people/login-names';

export function slugify(title: string): string {
	// Cyrillic (Russian, Kazakh) and Greek words are spelled in Latin letters first.
	const ascii = title
		.replace(/[\p{Script=Cyrillic}\p{Script=Greek}]+/gu, (word) => toPlainLatin(word))
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return ascii.slice(0, 60).replace(/-+$/, '') || 'lesson';
}

export function uniqueSlugs(titles: string[]): string[] {
	const seen = new Map<string, number>();
	return titles.map((t) => {
		const base = slugify(t);
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		let slug = n === 1 ? base : `${base}-${n}`;
		while (n > 1 && seen.has(slug)) slug = `${slug}-${n}`;
		seen.set(slug, seen.get(slug) ?? 1);
		return slug;
	});
}

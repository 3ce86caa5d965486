import { z } from 'zod';
import { ARTICLE_AUDIENCES, ARTICLE_KINDS, ARTICLE_STATUSES } from '../../db/schema/knowledge';
import { parseOrThrow } from '../../errors';
import { isIsoDate } from '$lib/calendar-date';

/** An article's key in its address and in the import folder: lower-case letters, digits and single hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Addresses under /hjalp that are pages of their own, never an article's. */
const RESERVED_SLUGS = new Set(['ny', 'importera', 'exportera', 'sok']);

export const isArticleSlug = (v: string) => v.length <= 80 && SLUG.test(v);

const day = z
	.string()
	.trim()
	.refine((v) => v === '' || isIsoDate(v), 'kb_error_date')
	.default('');
const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
	z.enum(values, { error: message }).default(values[0]);
const box = z
	.union([z.literal('on'), z.literal(''), z.boolean()])
	.default('')
	.transform((v) => v === true || v === 'on');

/** The article form, as strings from the browser. */
export const articleSchema = z
	.object({
		title: z.string({ error: 'kb_error_title' }).trim().min(1, 'kb_error_title').max(200, 'error_too_long'),
		slug: z
			.string()
			.trim()
			.toLowerCase()
			.max(80, 'error_too_long')
			.refine((v) => v === '' || SLUG.test(v), 'kb_error_slug')
			.refine((v) => !RESERVED_SLUGS.has(v), 'kb_error_slug_reserved')
			.default(''),
		body: z.string({ error: 'kb_error_body' }).trim().min(1, 'kb_error_body').max(50000, 'error_too_long'),
		kind: choice(ARTICLE_KINDS, 'kb_error_kind'),
		chain: z.enum(['', 'technical', 'pedagogical'], { error: 'kb_error_chain' }).default(''),
		categoryId: z.string().trim().default(''),
		audience: choice(ARTICLE_AUDIENCES, 'kb_error_audience'),
		tags: z
			.string()
			.max(1000, 'error_too_long')
			.default('')
			.transform((v) => [
				...new Set(
					v
						.split(',')
						.map((t) => t.trim())
						.filter(Boolean)
				)
			])
			.refine((tags) => tags.length <= 20 && tags.every((t) => t.length <= 40), 'kb_error_tags'),
		linkUrl: z
			.string()
			.trim()
			.max(1000, 'error_too_long')
			.refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'kb_error_link')
			.default(''),
		status: choice(ARTICLE_STATUSES, 'kb_error_status'),
		reviewOn: day,
		ownerId: z.string().trim().default(''),
		isPublic: box,
		shared: box
	})
	.refine((v) => v.kind !== 'film' || v.linkUrl !== '', { path: ['linkUrl'], message: 'kb_error_film_link' });

export type ArticleInput = z.input<typeof articleSchema>;
export type ParsedArticleInput = z.output<typeof articleSchema>;

/** Parses the article form; INVALID with one message beside each field otherwise. */
export function parseArticleInput(input: ArticleInput): ParsedArticleInput {
	return parseOrThrow(articleSchema, input, 'article');
}

/** A slug made from a title: å/ä → a, ö → o, other marks dropped, words joined by hyphens. */
export function slugFromTitle(title: string): string {
	const slug = title
		.toLowerCase()
		.replace(/[åä]/g, 'a')
		.replace(/ö/g, 'o')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 70)
		.replace(/-+$/, '');
	return slug || 'artikel';
}

/** The article columns a parsed form fills (slug, owner, category and the publisher's boxes are settled by the caller). */
export function articleColumns(v: ParsedArticleInput) {
	return {
		title: v.title,
		body: v.body,
		kind: v.kind,
		chain: v.chain || null,
		audience: v.audience,
		tags: v.tags,
		linkUrl: v.linkUrl || null,
		status: v.status,
		reviewOn: v.reviewOn || null
	};
}

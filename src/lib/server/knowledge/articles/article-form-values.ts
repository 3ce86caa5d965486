import type { kbArticles } from '../../db/schema';
import type { ArticleInput } from './article-input';

const FIELDS = [
	'title',
	'slug',
	'body',
	'kind',
	'chain',
	'categoryId',
	'audience',
	'tags',
	'linkUrl',
	'status',
	'reviewOn',
	'ownerId'
] as const;

/** The article form as posted: the strings to echo back on failure and the input for the domain. */
export function articleFormInput(data: FormData): { values: Record<string, string>; input: ArticleInput; expectedVersion?: number } {
	const values: Record<string, string> = {};
	for (const f of FIELDS) {
		const v = data.get(f);
		if (typeof v === 'string') values[f] = v;
	}
	for (const box of ['isPublic', 'shared'] as const) values[box] = data.get(box) === 'on' ? 'on' : '';
	const version = String(data.get('version') ?? '');
	if (/^\d{1,9}$/.test(version)) values.version = version;
	return { values, input: { ...values } as ArticleInput, expectedVersion: values.version ? Number(values.version) : undefined };
}

/** An article as the form's starting values. */
export function articleFormValues(a: typeof kbArticles.$inferSelect): Record<string, string> {
	return {
		title: a.title,
		slug: a.slug,
		body: a.body,
		kind: a.kind,
		chain: a.chain ?? '',
		categoryId: a.categoryId ?? '',
		audience: a.audience,
		tags: a.tags.join(', '),
		linkUrl: a.linkUrl ?? '',
		status: a.status,
		reviewOn: a.reviewOn ?? '',
		ownerId: a.ownerId ?? '',
		isPublic: a.isPublic ? 'on' : '',
		shared: a.shared ? 'on' : '',
		version: String(a.version)
	};
}

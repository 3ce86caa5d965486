import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import {
	ARTICLE_AUDIENCES,
	ARTICLE_KINDS,
	ARTICLE_STATUSES,
	type ArticleAudience,
	type ArticleKind,
	type ArticleStatus
} from '../../db/schema/knowledge';

/**
 * One article as a Markdown file with front matter (the import and export format, public: docs/knowledge-format.md):
 *
 *     ---
 *     title: Byta lösenord i lärplattformen        (required)
 *     kind: faq | guide | film | cheat_sheet        (default faq)
 *     chain: technical | pedagogical                (default: both chains)
 *     category: Konto och inloggning               (the organizer's category name; optional)
 *     audience: staff | students | guardians | everyone   (default staff)
 *     tags: [lösenord, inloggning]
 *     status: draft | published                     (default published)
 *     public: true | false                          (default false)
 *     link: https://…                               (a film's address)
 *     review: 2027-06-01                            (when it should be reviewed)
 *     ---
 *     The body, in Markdown.
 *
 * The file's name without `.md` is the article's key (slug): importing it again updates the same article.
 */
export type ParsedArticle = {
	slug: string;
	title: string;
	body: string;
	kind: ArticleKind;
	chain: 'technical' | 'pedagogical' | null;
	categoryName: string | null;
	audience: ArticleAudience;
	tags: string[];
	status: ArticleStatus;
	isPublic: boolean;
	linkUrl: string | null;
	reviewOn: string | null;
};

/** What is wrong with a file, on which line (1-based, of the whole file). Codes are translated by the view. */
export type ArticleFileProblem = {
	file: string;
	line: number;
	code:
		| 'no_front_matter'
		| 'unclosed_front_matter'
		| 'bad_yaml'
		| 'not_a_map'
		| 'unknown_field'
		| 'missing_title'
		| 'bad_value'
		| 'bad_file_name'
		| 'empty_body';
	field?: string;
};

export type ParseResult = { ok: true; article: ParsedArticle } | { ok: false; problems: ArticleFileProblem[] };

const FIELDS = ['title', 'kind', 'chain', 'category', 'audience', 'tags', 'status', 'public', 'link', 'review'] as const;
const SLUG = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,119}$/u;

/** The article's key from a file name: the base name without `.md`, or null when it is not a usable name. */
export function slugFromFileName(fileName: string): string | null {
	const base = fileName.split(/[\\/]/).pop() ?? '';
	if (!/\.md$/i.test(base)) return null;
	const slug = base.slice(0, -3);
	return SLUG.test(slug) ? slug : null;
}

/** Parses one article file; never throws. Every problem found is reported, each with its line. */
export function parseArticleFile(fileName: string, text: string): ParseResult {
	const problems: ArticleFileProblem[] = [];
	const problem = (line: number, code: ArticleFileProblem['code'], field?: string) =>
		problems.push({ file: fileName, line, code, ...(field ? { field } : {}) });
	const slug = slugFromFileName(fileName);
	if (!slug) problem(1, 'bad_file_name');

	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	if (lines[0]?.trim() !== '---') {
		problem(1, 'no_front_matter');
		return { ok: false, problems };
	}
	const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
	if (end < 0) {
		problem(1, 'unclosed_front_matter');
		return { ok: false, problems };
	}
	const counter = new LineCounter();
	const doc = parseDocument(lines.slice(1, end).join('\n'), { lineCounter: counter, uniqueKeys: true });
	// +1 for the opening `---`, +1 because the counter's lines start at 1 on the text after it.
	const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : counter.linePos(offset).line + 1);
	for (const e of doc.errors) problem(lineAt(e.pos[0]), 'bad_yaml');
	if (problems.some((p) => p.code === 'bad_yaml')) return { ok: false, problems };

	const map = doc.contents;
	const values = new Map<string, { value: unknown; line: number }>();
	if (isMap(map)) {
		for (const pair of map.items) {
			const key = isScalar(pair.key) ? String(pair.key.value) : '';
			const line = lineAt(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
			if (!(FIELDS as readonly string[]).includes(key)) problem(line, 'unknown_field', key);
			else values.set(key, { value: (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null, line });
		}
	} else if (map !== null) {
		problem(2, 'not_a_map');
		return { ok: false, problems };
	}

	const str = (key: string) => {
		const v = values.get(key)?.value;
		return v === null || v === undefined ? null : String(v).trim() || null;
	};
	const lineOf = (key: string) => values.get(key)?.line ?? 2;
	const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T | null): T | null => {
		const v = str(key);
		if (v === null) return fallback;
		if ((allowed as readonly string[]).includes(v)) return v as T;
		problem(lineOf(key), 'bad_value', key);
		return fallback;
	};

	const title = str('title');
	if (!title) problem(lineOf('title'), 'missing_title', 'title');
	else if (title.length > 200) problem(lineOf('title'), 'bad_value', 'title');
	const kind = oneOf('kind', ARTICLE_KINDS, 'faq') as ArticleKind;
	const chain = oneOf('chain', ['technical', 'pedagogical'] as const, null);
	const audience = oneOf('audience', ARTICLE_AUDIENCES, 'staff') as ArticleAudience;
	const status = oneOf('status', ARTICLE_STATUSES, 'published') as ArticleStatus;

	let tags: string[] = [];
	const rawTags = values.get('tags')?.value;
	if (Array.isArray(rawTags)) tags = rawTags.map((t) => String(t).trim()).filter(Boolean);
	else if (typeof rawTags === 'string')
		tags = rawTags
			.split(',')
			.map((t) => t.trim())
			.filter(Boolean);
	else if (rawTags !== undefined && rawTags !== null) problem(lineOf('tags'), 'bad_value', 'tags');

	let isPublic = false;
	const rawPublic = values.get('public')?.value;
	if (typeof rawPublic === 'boolean') isPublic = rawPublic;
	else if (rawPublic !== undefined && rawPublic !== null) problem(lineOf('public'), 'bad_value', 'public');

	const linkUrl = str('link');
	if (linkUrl && !/^https?:\/\/[^\s]+$/i.test(linkUrl)) problem(lineOf('link'), 'bad_value', 'link');

	let reviewOn: string | null = null;
	const rawReview = values.get('review')?.value;
	if (rawReview instanceof Date) reviewOn = rawReview.toISOString().slice(0, 10);
	else if (rawReview !== undefined && rawReview !== null) {
		const v = String(rawReview).trim();
		if (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))) reviewOn = v;
		else problem(lineOf('review'), 'bad_value', 'review');
	}

	const body = lines
		.slice(end + 1)
		.join('\n')
		.trim();
	if (!body) problem(end + 2, 'empty_body');

	if (problems.length > 0 || !slug || !title) return { ok: false, problems };
	return {
		ok: true,
		article: { slug, title, body, kind, chain, categoryName: str('category'), audience, tags, status, isPublic, linkUrl, reviewOn }
	};
}

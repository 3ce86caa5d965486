import MarkdownIt from 'markdown-it';

/** The link schemes an article may use; anything else (javascript:, data:, file:, relative paths) stays text. */
const ALLOWED_LINK = /^(https?:\/\/|mailto:)/i;

function build() {
	// html: false — raw HTML in an article is shown as text, never run or rendered.
	const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
	md.validateLink = (url) => ALLOWED_LINK.test(url.trim());
	// Pictures from other servers would tell them who reads what; a cheat sheet carries its file instead.
	md.disable('image');
	// The page has the h1 (the article's title): the article's headings are h2 at the highest (h3 under a page's own
	// h2, env.firstHeading). Raised, not shifted: an article written with ## sections keeps them as h2, no level skipped.
	md.core.ruler.push('raise_headings', (state) => {
		const first = Number((state.env as { firstHeading?: number }).firstHeading ?? 2);
		for (const token of state.tokens) {
			if (token.type !== 'heading_open' && token.type !== 'heading_close') continue;
			token.tag = `h${Math.max(first, Number(token.tag.slice(1)))}`;
		}
	});
	const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
	md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
		const href = String(tokens[idx].attrGet('href') ?? '');
		if (/^https?:/i.test(href)) tokens[idx].attrSet('rel', 'noopener');
		return defaultLinkOpen(tokens, idx, options, env, self);
	};
	return md;
}

const md = build();

/**
 * An article's Markdown as HTML that is safe to put on the page: raw HTML escaped, links only to http(s) and
 * mailto (others stay as text), external links with rel="noopener", headings from h2 (h3 under a page's own h2), no images.
 */
export function renderMarkdown(markdown: string, opts: { firstHeading?: 2 | 3 } = {}): string {
	return md.render(markdown, { firstHeading: opts.firstHeading ?? 2 });
}

/** The article's words without Markdown, for search snippets. */
export function markdownToPlainText(markdown: string): string {
	const out: string[] = [];
	for (const block of md.parse(markdown, {})) {
		if (block.type === 'inline') {
			const words = (block.children ?? [])
				.filter((c) => c.type === 'text' || c.type === 'code_inline')
				.map((c) => c.content)
				.join('');
			if (words) out.push(words);
		} else if ((block.type === 'fence' || block.type === 'code_block') && block.content) out.push(block.content.trim());
	}
	return out.join(' ').replace(/\s+/g, ' ').trim();
}

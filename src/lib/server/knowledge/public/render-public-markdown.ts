import MarkdownIt from 'markdown-it';

// Raw HTML in an article is shown as text, never run (issue 15); markdown-it refuses javascript: and data: links.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
const defaultLink = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
	const href = String(tokens[idx].attrGet('href') ?? '');
	if (/^https?:\/\//i.test(href)) tokens[idx].attrSet('rel', 'noopener noreferrer nofollow');
	return defaultLink(tokens, idx, options, env, self);
};

/**
 * An article's Markdown as HTML for the signed-out pages. A minimal renderer of our own until the knowledge base's
 * shared one (render-markdown.ts, on the branch that builds the article pages) takes its place.
 */
export function renderPublicMarkdown(body: string): string {
	return md.render(body);
}

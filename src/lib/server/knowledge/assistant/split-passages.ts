import MarkdownIt from 'markdown-it';

/**
 * The same reading of Markdown as markdownToPlainText (render-markdown.ts): raw HTML off, links only to http(s) and
 * mailto, no images. It must stay the same, or a passage would not be a piece of the article's plain text; the
 * assistant's database spec checks that every quoted passage is.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.validateLink = (url) => /^(https?:\/\/|mailto:)/i.test(url.trim());
md.disable('image');

/** A passage shorter than this is read together with the next one (a heading and its paragraph, a short line). */
export const MIN_PASSAGE = 80;
/** A passage is cut into pieces (list items, sentences, at worst words) so no quote runs longer than this. */
export const MAX_PASSAGE = 600;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** One block of the article: its pieces (a list's items, a paragraph's one text) and whether it is a heading. */
type Block = { pieces: string[]; heading: boolean };

/** The article's blocks in order: paragraphs, headings, whole lists, whole tables, code. */
function blocksOf(markdown: string): Block[] {
	const blocks: Block[] = [];
	let group: Block | null = null;
	let depth = 0;
	let heading = false;
	for (const token of md.parse(markdown, {})) {
		if (/^(bullet_list|ordered_list|table)_open$/.test(token.type)) {
			if (depth++ === 0) group = { pieces: [], heading: false };
			continue;
		}
		if (/^(bullet_list|ordered_list|table)_close$/.test(token.type)) {
			if (--depth === 0 && group) {
				if (group.pieces.length) blocks.push(group);
				group = null;
			}
			continue;
		}
		if (token.type === 'heading_open') heading = true;
		if (token.type === 'heading_close') heading = false;
		let text = '';
		if (token.type === 'inline')
			text = (token.children ?? [])
				.filter((c) => c.type === 'text' || c.type === 'code_inline')
				.map((c) => c.content)
				.join('');
		else if ((token.type === 'fence' || token.type === 'code_block') && token.content) text = token.content.trim();
		if (!text || !squash(text)) continue;
		if (group) group.pieces.push(squash(text));
		else blocks.push({ pieces: [squash(text)], heading });
	}
	return blocks;
}

/** A piece longer than MAX_PASSAGE cut at sentence ends, and a sentence still too long cut between words. */
function cutLong(piece: string): string[] {
	if (piece.length <= MAX_PASSAGE) return [piece];
	const sentences = piece.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}])/u);
	const out: string[] = [];
	for (const s of sentences) {
		let rest = s;
		while (rest.length > MAX_PASSAGE) {
			const at = rest.lastIndexOf(' ', MAX_PASSAGE);
			const cut = at > MAX_PASSAGE / 2 ? at : MAX_PASSAGE;
			out.push(rest.slice(0, cut).trim());
			rest = rest.slice(cut).trim();
		}
		if (rest) out.push(rest);
	}
	return out;
}

/** Pieces joined into runs of at most MAX_PASSAGE characters, in order. */
function pack(pieces: string[]): string[] {
	const out: string[] = [];
	let run = '';
	for (const p of pieces.flatMap(cutLong)) {
		if (run && run.length + 1 + p.length > MAX_PASSAGE) {
			out.push(run);
			run = p;
		} else run = run ? `${run} ${p}` : p;
	}
	if (run) out.push(run);
	return out;
}

/**
 * An article's Markdown as passages to quote: each paragraph, each list or table as a whole, a heading together with
 * what follows it, short blocks read with the next, long ones cut at items or sentences — never longer than
 * MAX_PASSAGE. Each passage is, word for word, a piece of the article's plain text (markdownToPlainText).
 */
export function splitPassages(markdown: string): string[] {
	const out: string[] = [];
	let carry: string[] = [];
	for (const block of blocksOf(markdown)) {
		const pieces = [...carry, ...block.pieces];
		const length = pieces.join(' ').length;
		if (block.heading || length < MIN_PASSAGE) {
			carry = pieces;
			continue;
		}
		carry = [];
		out.push(...pack(pieces));
	}
	if (carry.length) {
		// A short last block belongs to the passage before it when they fit together.
		const last = out.at(-1);
		const tail = carry.join(' ');
		if (last && last.length + 1 + tail.length <= MAX_PASSAGE) out[out.length - 1] = `${last} ${tail}`;
		else out.push(...pack(carry));
	}
	return out;
}

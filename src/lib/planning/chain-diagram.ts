/** One box of the chain diagram: a heading line and a few lines of text (already formatted and translated). */
export type DiagramNode = { id: string; lines: string[]; emphasis?: boolean };
export type DiagramBox = DiagramNode & { x: number; y: number; w: number; h: number; column: number };
export type DiagramLayout = {
	width: number;
	height: number;
	boxes: DiagramBox[];
	edges: { from: string; to: string; d: string }[];
	headings: { x: number; text: string }[];
};

export const BOX_W = 210;
const GAP_X = 50;
const GAP_Y = 14;
const LINE_H = 16;
const PAD = 10;
const TOP = 34;
/** Characters per line inside a box: longer text is wrapped, then cut. */
const CHARS = 30;
const MAX_LINES = 3;

/** Wraps a text into at most MAX_LINES lines of CHARS characters, ending with "…" when cut. */
export function wrap(text: string, chars = CHARS, max = MAX_LINES): string[] {
	const words = text.replace(/\s+/g, ' ').trim().split(' ');
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		const next = line ? `${line} ${word}` : word;
		if (next.length <= chars) line = next;
		else {
			if (line) lines.push(line);
			line = word.length > chars ? `${word.slice(0, chars - 1)}…` : word;
		}
	}
	if (line) lines.push(line);
	if (lines.length > max) return [...lines.slice(0, max - 1), `${lines[max - 1].slice(0, chars - 1)}…`];
	return lines;
}

/**
 * Lays out the chain left to right: columns (resources, activities, results, effect) of boxes stacked from
 * the top, and a curve for each link between boxes. Pure, so the page renders it as plain SVG on the server.
 */
export function layoutChain(columns: { heading: string; nodes: DiagramNode[] }[], links: { from: string; to: string }[]): DiagramLayout {
	const boxes: DiagramBox[] = [];
	let height = TOP;
	columns.forEach((col, c) => {
		let y = TOP;
		for (const n of col.nodes) {
			const h = PAD * 2 + n.lines.length * LINE_H;
			boxes.push({ ...n, x: c * (BOX_W + GAP_X), y, w: BOX_W, h, column: c });
			y += h + GAP_Y;
		}
		height = Math.max(height, y);
	});
	const byId = new Map(boxes.map((b) => [b.id, b]));
	const edges = links.flatMap(({ from, to }) => {
		const a = byId.get(from);
		const b = byId.get(to);
		if (!a || !b) return [];
		const x1 = a.x + a.w;
		const y1 = a.y + a.h / 2;
		const x2 = b.x;
		const y2 = b.y + b.h / 2;
		const mid = (x1 + x2) / 2;
		return [{ from, to, d: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2 - 6},${y2}` }];
	});
	return {
		width: columns.length * BOX_W + (columns.length - 1) * GAP_X,
		height: height + 4,
		boxes,
		edges,
		headings: columns.map((col, c) => ({ x: c * (BOX_W + GAP_X), text: col.heading }))
	};
}

export const LINE_HEIGHT = LINE_H;
export const BOX_PAD = PAD;

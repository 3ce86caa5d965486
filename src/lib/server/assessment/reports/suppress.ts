/**
 * Anonymity rule for every assessment report (organizer report, unit report, exports).
 *
 * 1. Primary suppression: a group (unit × perspective) with 1 … k−1 respondents is hidden
 *    (`isShown(count, k)`); a group with 0 respondents has nothing to hide and counts as known.
 * 2. Complementary suppression: reports also show totals — per unit (all perspectives), per
 *    perspective (all units) and for the organizer. A table of groups with these margins is a set of
 *    sums: each row adds up to its unit total and each column to its perspective total. A hidden
 *    figure can be worked out by subtraction exactly when it is the only unknown left along some chain
 *    of these sums. In graph terms (rows and columns as nodes, hidden cells as edges) a hidden cell is
 *    derivable exactly when it is a *bridge*: it lies on no cycle of hidden cells. So we keep hiding the
 *    smallest shown non-empty cell (a group or a total) on the same row or column as a bridge until no
 *    hidden cell is a bridge. Then every hidden figure can move up and down along a cycle without any
 *    shown total changing, so no combination of shown totals reveals it.
 *
 * 3. Remainders (optional, `protectRemainders`, decision 028): where a total is shown, the hidden cells
 *    along it add up to the total minus the shown ones. That sum is itself a group (e.g. a unit's
 *    leaders and key people together), so it must be empty or reach the threshold too; otherwise the
 *    smallest shown cell on that line is hidden as well. This is what lets a unit's pooled value (all
 *    perspectives together) be shown while its small perspectives stay hidden.
 *
 * The rule is applied per table: the report builds one table per sub-goal whose forced cells are the
 * groups that are hidden for any of its items, so a group is shown or hidden for a whole sub-goal and
 * its item means can never be subtracted from its sub-goal mean.
 */

/** Key used for a total: row TOTAL is the perspective total over all units, column TOTAL the unit total. */
export const TOTAL = '__total__';

/** Above this many bridges in a pass, cover them in a batch (see suppressGroups). */
const BATCH_FROM = 24;

/** True when a group of `count` respondents (or answers) may be shown under threshold `threshold`. */
export function isShown(count: number, threshold: number): boolean {
	return count >= Math.max(1, threshold);
}

/** One group: a row (usually a unit) × a column (usually a perspective) with its count. */
export interface SuppressionCell {
	row: string;
	col: string;
	count: number;
}

export interface SuppressGroupsOptions {
	cells: SuppressionCell[];
	threshold: number;
	/** Cells hidden regardless of their count (e.g. a group hidden at another level), as `cellKey(row, col)`. */
	forceHidden?: Iterable<string>;
	/** Also keep the hidden part of every shown total at 0 or at least the threshold (rule 3). */
	protectRemainders?: boolean;
}

export interface SuppressionResult {
	/** Whether the cell (row, col) may be shown; use TOTAL for a margin. Unknown cells are empty and shown. */
	shown(row: string, col: string): boolean;
	/** Count of a cell or margin (sums for margins). */
	count(row: string, col: string): number;
	/** Keys of every hidden cell and margin. */
	hidden: ReadonlySet<string>;
	/** Keys hidden for their own sake (under the threshold, or forced); the rest of `hidden` protects them. */
	primary: ReadonlySet<string>;
}

/** The key of a cell in `hidden` and `forceHidden`. */
export function cellKey(row: string, col: string): string {
	return `${row}\u0000${col}`;
}

/**
 * Hides groups under the threshold and enough other groups or totals that no hidden group can be
 * derived from the shown totals by subtraction (see the module comment for the rule).
 */
export function suppressGroups({
	cells,
	threshold,
	forceHidden = [],
	protectRemainders = false
}: SuppressGroupsOptions): SuppressionResult {
	const counts = new Map<string, number>();
	const rows = new Set<string>();
	const cols = new Set<string>();
	const add = (row: string, col: string, n: number) => {
		const key = cellKey(row, col);
		counts.set(key, (counts.get(key) ?? 0) + n);
	};
	for (const { row, col, count } of cells) {
		rows.add(row);
		cols.add(col);
		add(row, col, count);
		add(row, TOTAL, count);
		add(TOTAL, col, count);
		add(TOTAL, TOTAL, count);
	}
	const hidden = new Set<string>();
	for (const [key, n] of counts) if (n > 0 && !isShown(n, threshold)) hidden.add(key);
	// A forced group with no respondents is a known zero: there is nothing in it to protect.
	for (const key of forceHidden) if ((counts.get(key) ?? 0) > 0) hidden.add(key);
	const primary: ReadonlySet<string> = new Set(hidden);

	const allRows = [...rows, TOTAL];
	const allCols = [...cols, TOTAL];
	// Candidates for complementary suppression, by row and by column: every cell or margin with
	// respondents, with its score (see pickSmallest). Built once; counts do not change below.
	const scores = new Map<string, number>();
	const byRow = new Map<string, string[]>();
	const byCol = new Map<string, string[]>();
	for (const [key, n] of counts) {
		if (n <= 0) continue;
		// Prefer a group over a total of the same size: totals are what readers look at first.
		scores.set(key, n * 2 + (key.includes(TOTAL) ? 1 : 0));
		const [row, col] = key.split('\u0000');
		(byRow.get(row) ?? byRow.set(row, []).get(row)!).push(key);
		(byCol.get(col) ?? byCol.set(col, []).get(col)!).push(key);
	}
	// One bridge at a time gives the fewest hidden cells, but each pass is a full bridge search, so on a
	// 300-unit table with hundreds of bridges it is quadratic. Past BATCH_FROM bridges a pass covers
	// every bridge whose row got no new hidden cell in it: a few more cells may be hidden than strictly
	// needed, never fewer, and the loop still ends only when no hidden cell is a bridge.
	for (;;) {
		const found = findBridges(hidden, allRows, allCols);
		if (found.length === 0) {
			// Rule 3 after the bridges: hide one more cell on a line whose hidden remainder is too small, then look again.
			const line = protectRemainders ? thinRemainder(hidden, counts, rows, cols, threshold) : undefined;
			if (!line) break;
			const candidate = pickSmallest(scores, hidden, line);
			if (!candidate) break;
			hidden.add(candidate);
			continue;
		}
		const bridges = found.length > BATCH_FROM ? found : found.slice(0, 1);
		const touched = new Set<string>();
		let added = 0;
		for (const bridge of bridges) {
			const [row, col] = bridge.split('\u0000');
			if (touched.has(`r:${row}`) || touched.has(`c:${col}`)) continue;
			// The bridge's own column is not marked: in a table of few columns every bridge shares one.
			const candidate =
				pickSmallest(scores, hidden, byRow.get(row) ?? [], byCol.get(col) ?? []) ?? pickSmallest(scores, hidden, scores.keys());
			if (!candidate) continue;
			hidden.add(candidate);
			added++;
			const [cr, cc] = candidate.split('\u0000');
			for (const n of [`r:${row}`, `r:${cr}`, ...(cc === col ? [] : [`c:${cc}`])]) touched.add(n);
		}
		if (added === 0) break;
	}
	return {
		shown: (row, col) => !hidden.has(cellKey(row, col)),
		count: (row, col) => counts.get(cellKey(row, col)) ?? 0,
		hidden,
		primary
	};
}

/**
 * The first line (a row or column with its total) whose total is shown while its hidden cells add up to
 * 1 … k−1 respondents, as the keys of that line (cells and total); undefined when every line is safe.
 */
function thinRemainder(
	hidden: ReadonlySet<string>,
	counts: Map<string, number>,
	rows: Set<string>,
	cols: Set<string>,
	threshold: number
): string[] | undefined {
	const lines: { members: string[]; total: string }[] = [];
	for (const row of [...rows, TOTAL]) lines.push({ members: [...cols].map((col) => cellKey(row, col)), total: cellKey(row, TOTAL) });
	for (const col of [...cols, TOTAL]) lines.push({ members: [...rows].map((row) => cellKey(row, col)), total: cellKey(TOTAL, col) });
	for (const { members, total } of lines) {
		if (hidden.has(total)) continue;
		const rest = members.reduce((sum, key) => sum + (hidden.has(key) ? (counts.get(key) ?? 0) : 0), 0);
		if (rest > 0 && !isShown(rest, threshold)) return [...members, total].filter((key) => (counts.get(key) ?? 0) > 0);
	}
	return undefined;
}

/**
 * The shown cell or margin with the lowest score (2 × count, +1 for a total) among `lists`; ties go to
 * the smaller key, so the pick does not depend on the order of the lists.
 */
function pickSmallest(scores: Map<string, number>, hidden: Set<string>, ...lists: Iterable<string>[]): string | undefined {
	let best: string | undefined;
	let bestScore = Infinity;
	for (const keys of lists) {
		for (const key of keys) {
			if (hidden.has(key)) continue;
			const score = scores.get(key)!;
			if (score < bestScore || (score === bestScore && best !== undefined && key < best)) {
				best = key;
				bestScore = score;
			}
		}
	}
	return best;
}

/** Hidden cells that lie on no cycle of hidden cells (Tarjan's bridge search over rows × columns). */
export function findBridges(hidden: ReadonlySet<string>, rows: string[], cols: string[]): string[] {
	const adjacency = new Map<string, { to: string; edge: string }[]>();
	const node = (id: string) => {
		let list = adjacency.get(id);
		if (!list) adjacency.set(id, (list = []));
		return list;
	};
	const rowSet = new Set(rows);
	const colSet = new Set(cols);
	for (const key of [...hidden].sort()) {
		const [row, col] = key.split('\u0000');
		if (!rowSet.has(row) || !colSet.has(col)) continue;
		node(`r:${row}`).push({ to: `c:${col}`, edge: key });
		node(`c:${col}`).push({ to: `r:${row}`, edge: key });
	}
	const order = new Map<string, number>();
	const low = new Map<string, number>();
	const bridges: string[] = [];
	let time = 0;
	for (const start of adjacency.keys()) {
		if (order.has(start)) continue;
		// Iterative DFS so large tables cannot overflow the stack.
		const stack: { id: string; via: string | null; next: number }[] = [{ id: start, via: null, next: 0 }];
		order.set(start, time);
		low.set(start, time++);
		while (stack.length > 0) {
			const frame = stack[stack.length - 1];
			const edges = adjacency.get(frame.id) ?? [];
			if (frame.next < edges.length) {
				const { to, edge } = edges[frame.next++];
				if (edge === frame.via) continue;
				if (order.has(to)) {
					low.set(frame.id, Math.min(low.get(frame.id)!, order.get(to)!));
				} else {
					order.set(to, time);
					low.set(to, time++);
					stack.push({ id: to, via: edge, next: 0 });
				}
			} else {
				stack.pop();
				const parent = stack[stack.length - 1];
				if (parent) {
					low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
					if (low.get(frame.id)! > order.get(parent.id)!) bridges.push(frame.via!);
				}
			}
		}
	}
	return bridges;
}

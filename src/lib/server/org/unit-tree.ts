/** Minimal unit shape for tree work. */
export type TreeUnit = { id: string; parentId: string | null };

/** The ids of a unit's parents, nearest first. Stops on cycles. */
export function ancestorIdsOf(unitId: string, byId: Map<string, TreeUnit>): string[] {
	const out: string[] = [];
	const seen = new Set([unitId]);
	let cur = byId.get(unitId)?.parentId ?? null;
	while (cur && !seen.has(cur)) {
		out.push(cur);
		seen.add(cur);
		cur = byId.get(cur)?.parentId ?? null;
	}
	return out;
}

/** Units in depth-first order with their depth, children sorted by the given key. */
export function flattenTree<T extends TreeUnit>(units: T[], sortKey: (u: T) => string): (T & { depth: number })[] {
	const children = new Map<string | null, T[]>();
	const ids = new Set(units.map((u) => u.id));
	for (const u of units) {
		const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
		children.set(parent, [...(children.get(parent) ?? []), u]);
	}
	for (const list of children.values()) list.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
	const out: (T & { depth: number })[] = [];
	const walk = (parent: string | null, depth: number) => {
		for (const u of children.get(parent) ?? []) {
			out.push({ ...u, depth });
			walk(u.id, depth + 1);
		}
	};
	walk(null, 0);
	return out;
}

/**
 * Where a unit may move: any active unit of the tree that is neither the unit itself nor below it (the rule
 * moveUnit enforces with parentIssues; this is the list the move form offers).
 */
export function moveTargetsOf<U extends TreeUnit & { archivedAt: Date | null }>(unitId: string, tree: U[]): U[] {
	const byId = new Map(tree.map((u) => [u.id, u]));
	return tree.filter((u) => !u.archivedAt && u.id !== unitId && !ancestorIdsOf(u.id, byId).includes(unitId));
}

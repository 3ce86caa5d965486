import type { OpsUnit } from './load-unit-tree';

type Size = { students: number | null; staff: number | null };

/** Units whose size is read as a school's own: not an area above them, not a unit of a kind without pupils. */
export const SCHOOL_KINDS = ['skola', 'skolenhet', 'forskoleenhet'];

/**
 * Which entered sizes count, so that nothing counts twice: a unit's size counts unless a unit below it has one too
 * (then the sizes below are the finer truth, and an area's own figure is read as their sum). Returns, for every
 * unit, the counting unit at or above it (null: none), which is where its cases are "sized".
 */
export function sizedOwners(tree: OpsUnit[], sizes: Map<string, Size>): Map<string, string | null> {
	const has = (id: string) => {
		const s = sizes.get(id);
		return !!s && (s.students !== null || s.staff !== null);
	};
	const byId = new Map(tree.map((u) => [u.id, u]));
	const sizedBelow = new Set<string>();
	for (const u of tree)
		if (has(u.id))
			for (let p = u.parentId; p && byId.has(p); p = byId.get(p)!.parentId) {
				if (sizedBelow.has(p)) break;
				sizedBelow.add(p);
			}
	const counting = (id: string) => has(id) && !sizedBelow.has(id);
	const owner = new Map<string, string | null>();
	for (const u of tree) {
		let found: string | null = null;
		for (let cur: string | null = u.id; cur && byId.has(cur); cur = byId.get(cur)!.parentId)
			if (counting(cur)) {
				found = cur;
				break;
			}
		owner.set(u.id, found);
	}
	return owner;
}

/** Students and staff of the counting units among `unitIds` (a scope), and the school units there without any size. */
export function scopeSize(tree: OpsUnit[], sizes: Map<string, Size>, unitIds: string[]) {
	const owners = sizedOwners(tree, sizes);
	const inScope = new Set(unitIds);
	const counting = new Set([...owners.values()].filter((o): o is string => o !== null && inScope.has(o)));
	let students = 0;
	let staff = 0;
	let withStudents = 0;
	let withStaff = 0;
	for (const id of counting) {
		const s = sizes.get(id)!;
		if (s.students !== null) {
			students += s.students;
			withStudents++;
		}
		if (s.staff !== null) {
			staff += s.staff;
			withStaff++;
		}
	}
	const missing = tree.filter((u) => inScope.has(u.id) && SCHOOL_KINDS.includes(u.kind) && owners.get(u.id) === null);
	return {
		students: withStudents ? students : null,
		staff: withStaff ? staff : null,
		/** Units whose cases count toward "per 100": those at or below a counting unit with students. */
		studentOwners: new Set([...owners].filter(([, o]) => o !== null && inScope.has(o) && sizes.get(o)!.students !== null).map(([u]) => u)),
		/** The same for staff. */
		staffOwners: new Set([...owners].filter(([, o]) => o !== null && inScope.has(o) && sizes.get(o)!.staff !== null).map(([u]) => u)),
		countingUnitIds: [...counting],
		missing: missing.map((u) => ({ id: u.id, name: u.name }))
	};
}

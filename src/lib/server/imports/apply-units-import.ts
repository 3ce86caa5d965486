import type { Db } from '../db';
import { authorize, type Actor } from '../policies';
import { createUnit } from '../org/create-unit';
import { updateUnit } from '../org/update-unit';
import { withRowLine } from './row-failure';
import type { UnitsPlan } from './plan-units-import';

/**
 * Writes the valid create and update rows of a units plan through createUnit and updateUnit,
 * parents before children. Call it inside the import's transaction: a failure rolls back every row.
 */
export async function applyUnitsImport(tx: Db, opts: { actor: Actor; organizerId: string; plan: UnitsPlan }) {
	const { actor, organizerId, plan } = opts;
	authorize(actor, 'import.run', { type: 'organizer', organizerId });
	const created = new Map<number, string>();
	const pending = plan.rows.map((_, i) => i).filter((i) => ['create', 'update'].includes(plan.rows[i].outcome));
	while (pending.length) {
		// Rows whose parent already exists (or is a unit this import has just created).
		const ready = pending.filter((i) => {
			const p = plan.rows[i].parent;
			return !p || 'unitId' in p || created.has(p.row);
		});
		if (!ready.length) throw new Error('units import: parents never became ready');
		for (const i of ready) {
			const row = plan.rows[i];
			const p = row.parent;
			const input = { ...row.input!, parentId: !p ? null : 'unitId' in p ? p.unitId : created.get(p.row)! };
			await withRowLine(row.line, async () => {
				if (row.outcome === 'create') {
					const unit = await createUnit(tx, { actor, organizerId, input });
					created.set(i, unit.id);
				} else {
					await updateUnit(tx, { actor, organizerId, unitId: row.unitId!, input });
				}
			});
			pending.splice(pending.indexOf(i), 1);
		}
	}
}

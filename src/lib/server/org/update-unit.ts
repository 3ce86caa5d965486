import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { units } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { diffFields, recordAudit } from '../audit/record-audit';
import { swedishSortKey } from '../../sort-key';
import { parseUnitInput, type UnitInput } from './unit-input';
import { AUDITED_FIELDS, auditShape, codeIssues, lockUnit, parentIssues, withCodeGuard } from './unit-checks';
import { throwIfIssues } from '../errors';

export type UpdateUnitOptions = { actor: Actor | null; organizerId: string; unitId: string; input: UnitInput };

/**
 * Changes a unit's name, kind, parent, skolenhetskod and school types, with the same
 * checks as createUnit plus: an archived unit cannot be edited (restore it first), and the
 * parent cannot be the unit itself or one of its descendants. Another organizer's unit is
 * NOT_FOUND. Only changed fields are written to the audit log; no change writes nothing.
 */
export async function updateUnit(db: Db, { actor, organizerId, unitId, input }: UpdateUnitOptions) {
	authorize(actor, 'unit.manage', { type: 'organizer', organizerId });
	const data = parseUnitInput(input);
	return db.transaction(async (tx) => {
		const before = await lockUnit(tx, organizerId, unitId);
		throwIfIssues(before.archivedAt ? [{ field: 'form', message: 'units_error_unit_archived' }] : []);
		const changed = {
			parentId: data.parentId,
			name: data.name,
			kind: data.kind,
			schoolUnitCode: data.schoolUnitCode,
			schoolTypes: data.schoolTypes
		};
		const changes = diffFields(auditShape(before), { ...auditShape(before), ...changed }, [...AUDITED_FIELDS]);
		if (Object.keys(changes).length === 0) return before;
		throwIfIssues([
			...(changes.parentId ? await parentIssues(tx, organizerId, data.parentId, unitId) : []),
			...(changes.schoolUnitCode ? await codeIssues(tx, data.schoolUnitCode, unitId) : [])
		]);
		const [row] = await withCodeGuard(() =>
			tx
				.update(units)
				.set({ ...changed, nameSort: swedishSortKey(data.name), updatedAt: new Date() })
				.where(eq(units.id, before.id))
				.returning()
		);
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'unit.update',
			entityType: 'unit',
			entityId: row.id,
			changes
		});
		return row;
	});
}

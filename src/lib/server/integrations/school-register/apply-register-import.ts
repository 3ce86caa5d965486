import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { schoolRegisterConfigs } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { createUnit } from '../../org/create-unit';
import { updateUnit } from '../../org/update-unit';
import { lockUnit } from '../../org/unit-checks';
import { authorize } from '../../policies';
import type { UnitKind } from '../../org/unit-kinds';
import { planRegisterImport, type RegisterImportOptions } from './preview-register-import';
import { parseRegisterSource } from './source-input';
import { saveRegisterUnits } from './save-register-units';

/**
 * Imports the source's units (decision 055): asks the register again, then in one transaction creates the units the
 * organizer lacks (at the top of the tree, as skolenheter) and updates name and school types of those it has; each
 * unit change is audited as the unit page's would be, plus one event for the import. Existing units are never
 * deleted or archived here; closures come through the daily check. The source is kept for that check.
 */
export async function applyRegisterImport(db: Db, { actor, organizerId, values, baseUrl }: RegisterImportOptions) {
	authorize(actor, 'school_register.manage', { type: 'organizer', organizerId });
	const source = parseRegisterSource(values);
	const { fetched, rows } = await planRegisterImport(db, organizerId, source, baseUrl);
	const now = new Date();
	return db.transaction(async (tx) => {
		const counts = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
		for (const row of rows) {
			const u = row.unit;
			if (row.action === 'create') {
				await createUnit(tx, {
					actor,
					organizerId,
					input: { name: u.name, kind: 'skolenhet', parentId: null, schoolUnitCode: u.schoolUnitCode, schoolTypes: u.schoolTypes as never }
				});
				counts.created++;
			} else if (row.action === 'update' && row.localId) {
				const unit = await lockUnit(tx, organizerId, row.localId);
				await updateUnit(tx, {
					actor,
					organizerId,
					unitId: unit.id,
					input: {
						name: u.name,
						kind: unit.kind as UnitKind,
						parentId: unit.parentId,
						schoolUnitCode: unit.schoolUnitCode,
						schoolTypes: (row.changes.schoolTypes ? u.schoolTypes : unit.schoolTypes) as never
					}
				});
				counts.updated++;
			} else if (row.action === 'unchanged') counts.unchanged++;
			else counts.skipped++;
		}
		await saveRegisterUnits(tx, organizerId, fetched, now);
		await tx
			.insert(schoolRegisterConfigs)
			.values({ organizerId, source: source.source, sourceValue: source.value })
			.onConflictDoUpdate({
				target: schoolRegisterConfigs.organizerId,
				set: { source: sql`excluded.source`, sourceValue: sql`excluded.source_value`, updatedAt: now }
			});
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'school_register.import',
			entityType: 'school_register',
			entityId: organizerId,
			changes: { source: source.source, value: source.value, ...counts }
		});
		return counts;
	});
}

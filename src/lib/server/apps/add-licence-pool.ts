import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { appLicencePools, appTools, units } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { parseOrThrow, throwIfIssues, type FieldIssue } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { poolSchema } from './licence-input';

/**
 * Records licences bought for one of the organizer's tools (apps.manage): seats for a unit, or central for all, for
 * a period and a price. INVALID beside the field for a tool or unit not of the organizer, no seats, a period that
 * ends before it starts, or a price that is not whole kronor. Audited.
 */
export async function addLicencePool(db: Db, opts: { actor: Actor; organizerId: string; input: Record<string, unknown> }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	const input = parseOrThrow(poolSchema, opts.input);
	const issues: FieldIssue[] = [];
	if (input.validTo < input.validFrom) issues.push({ field: 'validTo', message: 'apps_error_ends_before_start' });
	const [tool] = isUuid(input.toolId)
		? await db
				.select({ id: appTools.id })
				.from(appTools)
				.where(and(eq(appTools.id, input.toolId), eq(appTools.organizerId, organizerId)))
		: [];
	if (!tool) issues.push({ field: 'toolId', message: 'apps_error_tool' });
	if (input.unitId) {
		const [unit] = isUuid(input.unitId)
			? await db
					.select({ id: units.id })
					.from(units)
					.where(and(eq(units.id, input.unitId), eq(units.organizerId, organizerId), isNull(units.archivedAt)))
			: [];
		if (!unit) issues.push({ field: 'unitId', message: 'apps_error_unit' });
	}
	throwIfIssues(issues);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(appLicencePools)
			.values({ organizerId, ...input, unitId: input.unitId || null })
			.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'app_licence.add_pool',
			entityType: 'app_tool',
			entityId: row.toolId,
			changes: { unitId: [null, row.unitId], seats: [null, row.seats], validFrom: [null, row.validFrom], validTo: [null, row.validTo] }
		});
		return row;
	});
}

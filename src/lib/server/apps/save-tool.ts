import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appTools } from '../db/schema';
import { diffFields, recordAudit } from '../audit/record-audit';
import { AppError, conflict, invalid, parseOrThrow } from '../errors';
import { isUuid } from '../ids';
import { isUniqueViolation } from '../db/pg-errors';
import { authorize, type Actor } from '../policies';
import { listOwnerOptions } from './owner-options';
import { toolSchema } from './tool-input';

/** The register's key for a tool's name: one entry per name and organizer, whatever the case or spacing. */
export const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

/**
 * Adds a tool to the organizer's register, or changes one (`toolId`), for a manager of the register (apps.manage).
 * INVALID beside the field for a missing name, an unknown kind, an address that is not http(s), a cost that is not
 * whole kronor, year groups that are not F–9 or come in the wrong order, or an owner who may not own tools here; CONFLICT beside the name when the register already has a
 * tool of that name. Audited with before and after.
 */
export async function saveTool(db: Db, opts: { actor: Actor; organizerId: string; toolId?: string; input: Record<string, unknown> }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	const input = parseOrThrow(toolSchema, opts.input);
	if (input.yearFrom !== null && input.yearTo !== null && input.yearTo < input.yearFrom) throw invalid('yearTo', 'apps_error_years_order');
	if (input.ownerId && !(await listOwnerOptions(db, organizerId)).some((o) => o.value === input.ownerId))
		throw invalid('ownerId', 'apps_error_owner');
	const values = { ...input, name: input.name.replace(/\s+/g, ' '), nameKey: nameKey(input.name), ownerId: input.ownerId || null };
	try {
		return await db.transaction(async (tx) => {
			if (!opts.toolId) {
				const [row] = await tx
					.insert(appTools)
					.values({ organizerId, ...values })
					.returning();
				await recordAudit(tx, {
					organizerId,
					actorId: actor.personId,
					action: 'app_tool.create',
					entityType: 'app_tool',
					entityId: row.id,
					changes: { name: [null, row.name], kind: [null, row.kind], personalData: [null, row.personalData] }
				});
				return row;
			}
			const [before] = isUuid(opts.toolId)
				? await tx
						.select()
						.from(appTools)
						.where(and(eq(appTools.id, opts.toolId), eq(appTools.organizerId, organizerId)))
						.for('update')
				: [];
			if (!before) throw new AppError('NOT_FOUND', 'no such tool');
			const [row] = await tx
				.update(appTools)
				.set({ ...values, updatedAt: new Date() })
				.where(eq(appTools.id, before.id))
				.returning();
			const fields = (Object.keys(values) as (keyof typeof values)[]).filter((k) => k !== 'nameKey');
			const changes = diffFields(before, row, fields);
			await recordAudit(tx, {
				organizerId,
				actorId: actor.personId,
				action: 'app_tool.update',
				entityType: 'app_tool',
				entityId: row.id,
				changes
			});
			return row;
		});
	} catch (e) {
		if (isUniqueViolation(e, 'app_tools_name_idx')) throw conflict('name', 'apps_error_duplicate');
		throw e;
	}
}

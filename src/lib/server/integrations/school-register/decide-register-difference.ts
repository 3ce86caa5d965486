import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { schoolRegisterDifferences } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, conflict } from '../../errors';
import { archiveUnit } from '../../org/archive-unit';
import { createUnit } from '../../org/create-unit';
import { updateUnit } from '../../org/update-unit';
import { lockUnit } from '../../org/unit-checks';
import type { UnitKind } from '../../org/unit-kinds';
import { authorize, type Actor } from '../../policies';

export type DecideDifferenceOptions = { actor: Actor | null; organizerId: string; differenceId: string; decision: 'accept' | 'dismiss' };

/**
 * Accepts or dismisses one difference of the daily check (decision 055), in one transaction with its audit event.
 * Accepting applies it the way the unit pages would (and audits it the same way): a new unit is created at the top of
 * the tree, a closed one is archived (refused while it has active units under it), a new name or new school types
 * are written to the unit. Only an open difference can be decided; another organizer's is NOT_FOUND.
 */
export async function decideRegisterDifference(db: Db, { actor, organizerId, differenceId, decision }: DecideDifferenceOptions) {
	authorize(actor, 'school_register.manage', { type: 'organizer', organizerId });
	if (!/^[0-9a-f-]{36}$/i.test(differenceId)) throw new AppError('NOT_FOUND', 'no such difference');
	return db.transaction(async (tx) => {
		const [d] = await tx
			.select()
			.from(schoolRegisterDifferences)
			.where(and(eq(schoolRegisterDifferences.id, differenceId), eq(schoolRegisterDifferences.organizerId, organizerId)))
			.for('update');
		if (!d) throw new AppError('NOT_FOUND', 'no such difference');
		if (d.status !== 'open') throw conflict(`difference-${d.id}`, 'register_error_decided');
		let unitId = d.unitId;
		if (decision === 'accept') {
			if (d.kind === 'new') {
				const row = await createUnit(tx, {
					actor,
					organizerId,
					input: {
						name: d.proposed.name ?? d.schoolUnitCode,
						kind: 'skolenhet',
						parentId: null,
						schoolUnitCode: d.schoolUnitCode,
						schoolTypes: (d.proposed.schoolTypes ?? []) as never
					}
				}).catch(asIssueOf(d.id));
				unitId = row.id;
			} else if (d.kind === 'closed' || d.kind === 'left') {
				await archiveUnit(tx, { actor, organizerId, unitId: d.unitId! }).catch(asIssueOf(d.id));
			} else {
				const unit = await lockUnit(tx, organizerId, d.unitId!);
				await updateUnit(tx, {
					actor,
					organizerId,
					unitId: unit.id,
					input: {
						name: d.kind === 'renamed' ? d.proposed.name! : unit.name,
						kind: unit.kind as UnitKind,
						parentId: unit.parentId,
						schoolUnitCode: unit.schoolUnitCode,
						schoolTypes: (d.kind === 'school_types' ? d.proposed.schoolTypes! : unit.schoolTypes) as never
					}
				}).catch(asIssueOf(d.id));
			}
		}
		await tx
			.update(schoolRegisterDifferences)
			.set({
				status: decision === 'accept' ? 'accepted' : 'dismissed',
				unitId,
				decidedBy: actor.personId,
				decidedAt: sql`now()`,
				updatedAt: sql`now()`
			})
			.where(eq(schoolRegisterDifferences.id, d.id));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: decision === 'accept' ? 'school_register.accept' : 'school_register.dismiss',
			entityType: 'school_register_difference',
			entityId: d.id,
			changes: { kind: d.kind, schoolUnitCode: d.schoolUnitCode, unitId, proposed: d.proposed }
		});
	});
}

/** A unit rule that refuses (an active unit below, a code taken) is shown beside the difference's buttons. */
const asIssueOf = (id: string) => (e: unknown) => {
	if (e instanceof AppError && e.code === 'INVALID')
		throw new AppError(
			'INVALID',
			e.message,
			e.issues.map((i) => ({ field: `difference-${id}`, message: i.message }))
		);
	throw e;
};

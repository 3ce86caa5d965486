import type { Db } from '../db';
import { units } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { diffFields, recordAudit } from '../audit/record-audit';
import { swedishSortKey } from '../../sort-key';
import { parseUnitInput, type UnitInput } from './unit-input';
import { AUDITED_FIELDS, auditShape, codeIssues, parentIssues, withCodeGuard } from './unit-checks';
import { throwIfIssues } from '../errors';

export type CreateUnitOptions = { actor: Actor | null; organizerId: string; input: UnitInput };

/**
 * Creates a unit in the organizer's tree. The parent must be an active unit of the same
 * organizer and the skolenhetskod must be free in the whole installation; otherwise
 * AppError('INVALID') with field issues, and nothing is written.
 */
export async function createUnit(db: Db, { actor, organizerId, input }: CreateUnitOptions) {
	authorize(actor, 'unit.manage', { type: 'organizer', organizerId });
	const data = parseUnitInput(input);
	return db.transaction(async (tx) => {
		throwIfIssues([...(await parentIssues(tx, organizerId, data.parentId)), ...(await codeIssues(tx, data.schoolUnitCode))]);
		const [row] = await withCodeGuard(() =>
			tx
				.insert(units)
				.values({
					organizerId,
					parentId: data.parentId,
					name: data.name,
					nameSort: swedishSortKey(data.name),
					kind: data.kind,
					schoolUnitCode: data.schoolUnitCode,
					schoolTypes: data.schoolTypes
				})
				.returning()
		);
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'unit.create',
			entityType: 'unit',
			entityId: row.id,
			changes: diffFields(null, auditShape(row), [...AUDITED_FIELDS])
		});
		return row;
	});
}

/** Checks shared by the unit write functions. Internal to the org domain. */
import { and, count, eq, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { roleAssignments, units } from '../db/schema';
import { AppError, type FieldIssue } from '../errors';
import { ancestorIdsOf } from './unit-tree';
import { isUuid } from '../ids';
import { pgErrorOf } from '../db/pg-errors';

export type UnitRow = typeof units.$inferSelect;

/** The organizer's unit, locked for the rest of the transaction; NOT_FOUND for anyone else's or a bad id. */
export async function lockUnit(tx: Db, organizerId: string, unitId: string): Promise<UnitRow> {
	if (!isUuid(unitId)) throw new AppError('NOT_FOUND', 'unit');
	const [row] = await tx
		.select()
		.from(units)
		.where(and(eq(units.id, unitId), eq(units.organizerId, organizerId)))
		.for('update');
	if (!row) throw new AppError('NOT_FOUND', 'unit');
	return row;
}

/**
 * Problems with a proposed parent: it must be an active unit of the same organizer,
 * and (for an existing unit) neither the unit itself nor one of its descendants.
 */
export async function parentIssues(tx: Db, organizerId: string, parentId: string | null, unitId?: string): Promise<FieldIssue[]> {
	if (parentId === null) return [];
	const issue = (message: string) => [{ field: 'parentId', message }];
	if (!isUuid(parentId)) return issue('units_error_parent_not_found');
	if (unitId === parentId) return issue('units_error_parent_cycle');
	const tree = await tx
		.select({ id: units.id, parentId: units.parentId, archivedAt: units.archivedAt })
		.from(units)
		.where(eq(units.organizerId, organizerId));
	const byId = new Map(tree.map((u) => [u.id, u]));
	const parent = byId.get(parentId);
	if (!parent) return issue('units_error_parent_not_found');
	if (parent.archivedAt) return issue('units_error_parent_archived');
	if (unitId && ancestorIdsOf(parentId, byId).includes(unitId)) return issue('units_error_parent_cycle');
	return [];
}

/** The skolenhetskod is free across the whole installation (another unit than `unitId` has it → issue). */
export async function codeIssues(tx: Db, code: string | null, unitId?: string): Promise<FieldIssue[]> {
	if (!code) return [];
	const where = unitId ? and(eq(units.schoolUnitCode, code), ne(units.id, unitId)) : eq(units.schoolUnitCode, code);
	const [taken] = await tx.select({ id: units.id }).from(units).where(where).limit(1);
	return taken ? [{ field: 'schoolUnitCode', message: 'units_error_code_taken' }] : [];
}

/**
 * Runs a write and turns a unique violation on the skolenhetskod into the field error,
 * so two admins saving the same code at once both get a clear answer.
 */
export async function withCodeGuard<T>(write: () => Promise<T>): Promise<T> {
	try {
		return await write();
	} catch (e) {
		const { code, constraint } = pgErrorOf(e);
		if (code === '23505' && (!constraint || constraint.includes('school_unit_code'))) {
			throw new AppError('INVALID', 'code taken', [{ field: 'schoolUnitCode', message: 'units_error_code_taken' }]);
		}
		throw e;
	}
}

/** The fields an audit event records for a unit. */
export const AUDITED_FIELDS = ['name', 'kind', 'parentId', 'schoolUnitCode', 'schoolTypes', 'archivedAt'] as const;

/** A unit's audited fields, in the form the audit log stores them. */
export function auditShape(u: UnitRow) {
	return {
		name: u.name,
		kind: u.kind,
		parentId: u.parentId,
		schoolUnitCode: u.schoolUnitCode,
		schoolTypes: u.schoolTypes,
		archivedAt: u.archivedAt ? u.archivedAt.toISOString() : null
	};
}

/** How many rows refer to a unit: units under it (archived too) and role assignments. */
export async function countUnitReferences(db: Db, organizerId: string, unitId: string): Promise<number> {
	const [children] = await db
		.select({ n: count() })
		.from(units)
		.where(and(eq(units.organizerId, organizerId), eq(units.parentId, unitId)));
	const [roles] = await db
		.select({ n: count() })
		.from(roleAssignments)
		.where(and(eq(roleAssignments.organizerId, organizerId), eq(roleAssignments.unitId, unitId)));
	return children.n + roles.n;
}

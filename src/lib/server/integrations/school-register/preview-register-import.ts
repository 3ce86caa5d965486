import type { Db } from '../../db';
import { env } from '../../env';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { createSchoolRegisterClient, SchoolRegisterError, type RegisterSource } from './client';
import { planImport, type ImportRow } from './compare-units';
import { loadUnitsByCode } from './load-units';
import { parseRegisterSource } from './source-input';

export type RegisterImportOptions = {
	actor: Actor | null;
	organizerId: string;
	values: Record<string, unknown>;
	/** The register's base; the installation's (SCHOOL_REGISTER_URL) unless a test gives its fixture server. */
	baseUrl?: string;
};

/** Fetches the source's units; a register that fails is a clear message beside the form, not a 500. */
export async function fetchRegisterUnits(source: RegisterSource, baseUrl: string | undefined) {
	try {
		return await createSchoolRegisterClient({ baseUrl: baseUrl ?? env.SCHOOL_REGISTER_URL }).fetchUnits(source);
	} catch (e) {
		if (e instanceof SchoolRegisterError)
			throw new AppError('INVALID', e.message, [{ field: 'value', message: `register_error_fetch_${e.kind}` }]);
		throw e;
	}
}

/** The plan for an organizer: what the register says, matched against its units. */
export async function planRegisterImport(db: Db, organizerId: string, source: RegisterSource, baseUrl?: string) {
	const fetched = await fetchRegisterUnits(source, baseUrl);
	const { local, foreignCodes } = await loadUnitsByCode(
		db,
		organizerId,
		fetched.map((u) => u.schoolUnitCode)
	);
	return { source, fetched, rows: planImport(fetched, local, foreignCodes) };
}

/**
 * The dry run of an import (decision 055): which of the source's units would be created, updated (name, school
 * types) or left alone, matched on skolenhetskod. Writes nothing.
 */
export async function previewRegisterImport(db: Db, { actor, organizerId, values, baseUrl }: RegisterImportOptions) {
	authorize(actor, 'school_register.manage', { type: 'organizer', organizerId });
	const source = parseRegisterSource(values);
	const { rows } = await planRegisterImport(db, organizerId, source, baseUrl);
	if (!rows.length) throw new AppError('INVALID', 'no units', [{ field: 'value', message: 'register_error_no_units' }]);
	return { source, rows: rows.map(presentImportRow) };
}

/** The fields a page shows of one planned row. */
export function presentImportRow(row: ImportRow) {
	const visit = row.unit.addresses.find((a) => a.type === 'BESOKSADRESS') ?? row.unit.addresses[0] ?? null;
	return {
		schoolUnitCode: row.unit.schoolUnitCode,
		name: row.unit.name,
		status: row.unit.status,
		schoolTypes: row.unit.schoolTypes,
		address: visit ? [visit.street, [visit.postalCode, visit.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ') : null,
		action: row.action,
		changes: row.changes
	};
}

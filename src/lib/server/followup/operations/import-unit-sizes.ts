import type { Db } from '../../db';
import { AppError, type FieldIssue } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { loadUnitTree } from './load-unit-tree';
import { parseCount, type UnitSizeInput } from './unit-size-input';
import { saveUnitSizes } from './save-unit-sizes';

/** At most this many lines in one file (an organizer has a few hundred units at most). */
export const MAX_IMPORT_LINES = 2000;

/**
 * Reads a CSV of sizes: one unit a line as `enhet;elever;personal` (comma or tab also work), the unit named by its
 * name or its skolenhetskod; a first line of headings is skipped. Every bad line is reported in the issue beside the
 * file field (`fil`), with its line number; nothing is saved unless every line is good.
 */
export async function importUnitSizes(
	db: Db,
	o: { actor: Actor | null; organizerId: string; schoolYear: string; text: string }
): Promise<number> {
	authorize(o.actor, 'followup.configure', { type: 'organizer', organizerId: o.organizerId });
	const tree = await loadUnitTree(db, o.organizerId);
	const byKey = new Map<string, string>();
	for (const u of tree) {
		byKey.set(u.name.trim().toLowerCase(), u.id);
		if (u.schoolUnitCode) byKey.set(u.schoolUnitCode, u.id);
	}
	const lines = o.text.replace(/^\uFEFF/, '').split(/\r?\n/);
	if (lines.length > MAX_IMPORT_LINES)
		throw new AppError('INVALID', 'too many lines', [{ field: 'fil', message: 'ops_import_error_too_long' }]);
	const rows: UnitSizeInput[] = [];
	const issues: FieldIssue[] = [];
	lines.forEach((line, i) => {
		if (line.trim() === '') return;
		const cells = line.split(/[;,\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
		const unitId = byKey.get((cells[0] ?? '').toLowerCase());
		const looksLikeHeading = i === 0 && !unitId && cells.slice(1).some((c) => c !== '' && 'issue' in parseCount(c));
		if (looksLikeHeading) return;
		const at = { line: i + 1 };
		if (!unitId) issues.push({ field: 'fil', message: 'ops_import_error_unit', params: { ...at, unit: cells[0] ?? '' } });
		else if (cells.slice(1, 3).some((c) => 'issue' in parseCount(c ?? '')))
			issues.push({ field: 'fil', message: 'ops_import_error_count', params: at });
		else rows.push({ unitId, students: cells[1] ?? '', staff: cells[2] ?? '' });
	});
	if (issues.length)
		throw new AppError('INVALID', 'bad import', [{ ...issues[0], params: { ...issues[0].params, more: issues.length - 1 } }]);
	if (rows.length === 0) throw new AppError('INVALID', 'empty import', [{ field: 'fil', message: 'ops_import_error_empty' }]);
	return saveUnitSizes(db, { actor: o.actor, organizerId: o.organizerId, schoolYear: o.schoolYear, rows, source: 'csv' });
}

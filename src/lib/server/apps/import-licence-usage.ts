import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { appLicenceUsage, appTools, units } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { parseOrThrow, throwIfIssues } from '../errors';
import { authorize, type Actor } from '../policies';
import { usagePeriodSchema } from './licence-input';
import { parseUsageFile, type UsageProblem } from './parse-usage-file';
import { nameKey } from './save-tool';

/**
 * Imports how many licences were assigned and used per tool and school unit in a period (apps.manage), from a usage
 * file's text (parseUsageFile). Tools are found by name, units by school unit code or name. Any problem — a line
 * that cannot be read, a tool or unit the organizer does not have, the same tool and unit twice — is reported by line
 * and nothing is written; otherwise every row is written in one transaction, replacing earlier figures for the same
 * tool, unit and period start. INVALID beside the field for a period that is not dates or ends before it starts.
 * Audited once.
 */
export async function importLicenceUsage(
	db: Db,
	opts: { actor: Actor; organizerId: string; text: string; input: Record<string, unknown> }
): Promise<{ imported: number; problems: UsageProblem[] }> {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	const period = parseOrThrow(usagePeriodSchema, opts.input);
	throwIfIssues(period.periodTo < period.periodFrom ? [{ field: 'periodTo', message: 'apps_error_ends_before_start' }] : []);
	const parsed = parseUsageFile(opts.text);
	if (parsed.problems.length) return { imported: 0, problems: parsed.problems };

	const [tools, unitRows] = await Promise.all([
		db.select({ id: appTools.id, nameKey: appTools.nameKey }).from(appTools).where(eq(appTools.organizerId, organizerId)),
		db
			.select({ id: units.id, name: units.name, code: units.schoolUnitCode })
			.from(units)
			.where(and(eq(units.organizerId, organizerId), isNull(units.archivedAt)))
	]);
	const toolOf = new Map(tools.map((t) => [t.nameKey, t.id]));
	const unitOf = new Map<string, string>();
	for (const u of unitRows) {
		unitOf.set(nameKey(u.name), u.id);
		if (u.code) unitOf.set(u.code, u.id);
	}
	const problems: UsageProblem[] = [];
	const seen = new Set<string>();
	const rows = parsed.rows.flatMap((r) => {
		const toolId = toolOf.get(nameKey(r.tool));
		const unitId = unitOf.get(r.unit.replace(/\s/g, '')) ?? unitOf.get(nameKey(r.unit));
		if (!toolId) problems.push({ key: 'apps_usage_error_tool', line: r.line, value: r.tool });
		if (!unitId) problems.push({ key: 'apps_usage_error_unit', line: r.line, value: r.unit });
		if (!toolId || !unitId) return [];
		if (seen.has(`${toolId}|${unitId}`)) {
			problems.push({ key: 'apps_usage_error_twice', line: r.line, value: `${r.tool}, ${r.unit}` });
			return [];
		}
		seen.add(`${toolId}|${unitId}`);
		return [{ organizerId, toolId, unitId, ...period, assigned: r.assigned, used: r.used, importedBy: actor.personId }];
	});
	if (problems.length) return { imported: 0, problems };

	await db.transaction(async (tx) => {
		await tx
			.insert(appLicenceUsage)
			.values(rows)
			.onConflictDoUpdate({
				target: [appLicenceUsage.toolId, appLicenceUsage.unitId, appLicenceUsage.periodFrom],
				set: {
					periodTo: sql`excluded.period_to`,
					assigned: sql`excluded.assigned`,
					used: sql`excluded.used`,
					importedBy: sql`excluded.imported_by`,
					importedAt: sql`now()`
				}
			});
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'app_licence.import_usage',
			entityType: 'organizer',
			entityId: organizerId,
			changes: { rows: rows.length, periodFrom: period.periodFrom, periodTo: period.periodTo }
		});
	});
	return { imported: rows.length, problems: [] };
}

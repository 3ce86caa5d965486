import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { appLicenceAssignments, appLicencePools, appLicenceUsage, appTools, memberships, people, units } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { parseOrThrow, throwIfIssues } from '../errors';
import { authorize, type Actor } from '../policies';
import { usagePeriodSchema } from './licence-input';
import { parseUsageFile, type UsageProblem, type UserUsageRow } from './parse-usage-file';
import { nameKey } from './save-tool';

/**
 * Imports how many licences were assigned and used per tool and school unit in a period (apps.manage), from a usage
 * file's text (parseUsageFile). Tools are found by name, units by school unit code or name. Any problem — a line
 * that cannot be read, a tool or unit the organizer does not have, the same tool and unit twice — is reported by line
 * and nothing is written; otherwise every row is written in one transaction, replacing earlier figures for the same
 * tool, unit and period start. A BOL-style file's `users` update the person's current licence of the tool (used or not,
 * and the validity the vendor reports); a person the organizer does not have, or who holds no licence of the tool,
 * is a problem on that entry like an unknown tool or unit. INVALID beside the field for a period that is not dates or ends before it starts.
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
	const userUpdates = await resolveUsers(db, organizerId, parsed.users, toolOf, problems);
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

	const reportedAt = new Date();
	await db.transaction(async (tx) => {
		if (rows.length)
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
		for (const u of userUpdates)
			await tx
				.update(appLicenceAssignments)
				.set({
					used: u.used,
					usageReportedAt: reportedAt,
					...(u.validFrom ? { validFrom: u.validFrom } : {}),
					...(u.validTo ? { validTo: u.validTo } : {})
				})
				.where(eq(appLicenceAssignments.id, u.assignmentId));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'app_licence.import_usage',
			entityType: 'organizer',
			entityId: organizerId,
			changes: { rows: rows.length, users: userUpdates.length, periodFrom: period.periodFrom, periodTo: period.periodTo }
		});
	});
	return { imported: rows.length + userUpdates.length, problems: [] };
}

/**
 * The current licence of each person of a BOL-style file: found by e-mail or eduPersonPrincipalName among the
 * organizer's members, in a pool of the named tool. Problems are added by entry; the same person and tool twice is one.
 */
async function resolveUsers(
	db: Db,
	organizerId: string,
	users: UserUsageRow[],
	toolOf: Map<string, string>,
	problems: UsageProblem[]
): Promise<{ assignmentId: string; used: boolean; validFrom: string | null; validTo: string | null }[]> {
	if (users.length === 0) return [];
	const ids = [...new Set(users.map((u) => u.user.toLowerCase()))];
	const found = await db
		.select({ id: people.id, email: people.email, eppn: people.eppn })
		.from(people)
		.innerJoin(memberships, and(eq(memberships.personId, people.id), eq(memberships.organizerId, organizerId)))
		.where(or(inArray(sql`lower(${people.email})`, ids), inArray(sql`lower(${people.eppn})`, ids)));
	const personOf = new Map<string, string>();
	for (const p of found) {
		personOf.set(p.email.toLowerCase(), p.id);
		if (p.eppn) personOf.set(p.eppn.toLowerCase(), p.id);
	}
	const held = await db
		.select({ id: appLicenceAssignments.id, personId: appLicenceAssignments.personId, toolId: appLicencePools.toolId })
		.from(appLicenceAssignments)
		.innerJoin(appLicencePools, eq(appLicencePools.id, appLicenceAssignments.poolId))
		.where(and(eq(appLicenceAssignments.organizerId, organizerId), isNull(appLicenceAssignments.endedAt)));
	const assignmentOf = new Map(held.map((h) => [`${h.toolId}|${h.personId}`, h.id]));
	const seen = new Set<string>();
	return users.flatMap((u) => {
		const toolId = toolOf.get(nameKey(u.tool));
		const personId = personOf.get(u.user.toLowerCase());
		if (!toolId) problems.push({ key: 'apps_usage_error_tool', line: u.line, value: u.tool });
		if (!personId) problems.push({ key: 'apps_usage_error_person', line: u.line, value: u.user });
		if (!toolId || !personId) return [];
		const assignmentId = assignmentOf.get(`${toolId}|${personId}`);
		if (!assignmentId) {
			problems.push({ key: 'apps_usage_error_not_assigned', line: u.line, value: `${u.user}, ${u.tool}` });
			return [];
		}
		if (seen.has(assignmentId)) {
			problems.push({ key: 'apps_usage_error_twice', line: u.line, value: `${u.user}, ${u.tool}` });
			return [];
		}
		seen.add(assignmentId);
		return [{ assignmentId, used: u.used, validFrom: u.validFrom, validTo: u.validTo }];
	});
}

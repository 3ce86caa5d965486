import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { memberships, people, roleAssignments, units } from '../db/schema';
import { loadIdentityScopes } from '../people/identity-scope';
import { authorize, can, type Actor } from '../policies';
import type { Role } from '../policies/roles';
import { personInputSchema, type PersonInput } from '../people/person-input';
import { addIssue, countOutcomes, type PlanCounts, type PlanRowBase, type RowIssue } from './plan-types';
import { readImportFile } from './read-import-file';
import { PERSON_COLUMNS, type PersonColumn } from './person-columns';
import { readRoleCells } from './read-role-cells';
import { parseYesNo } from './cell-values';
import { normalizeName } from './columns';

/** One row of a people import: the person, the role it gives, and what will be written. */
export type PersonPlanRow = PlanRowBase & {
	name: string;
	email: string;
	role: Role | null;
	unitName: string | null;
	unitId: string | null;
	startsOn: string | null;
	endsOn: string | null;
	/** The existing member this row is about. */
	personId: string | null;
	/**
	 * Set on the first valid row of each person whose record must be created or changed; 'invite' for an e-mail
	 * of a person who exists elsewhere (decision 018): they are invited, nothing of them is read or changed.
	 */
	personAction: 'create' | 'update' | 'invite' | null;
	input: PersonInput | null;
	/** True when the row's role is new and will be assigned. */
	assignsRole: boolean;
};

export type PeoplePlan = { kind: 'people'; rows: PersonPlanRow[]; counts: PlanCounts };

const PERSON_FIELDS: PersonColumn[] = ['name', 'email', 'eppn', 'protectedIdentity'];
const SCHEMA_FIELD: Record<string, PersonColumn> = { name: 'name', email: 'email', eppn: 'eppn', protectedIdentity: 'protectedIdentity' };

/**
 * Reads a people file and decides, row by row, what importing it would do, without writing.
 * People match the organizer's members on e-mail; each row may give one role. Blank eppn or
 * skyddad identitet cells keep what an existing person has.
 */
export async function planPeopleImport(db: Db, opts: { actor: Actor; organizerId: string; text: string }): Promise<PeoplePlan> {
	const { actor, organizerId } = opts;
	authorize(actor, 'import.run', { type: 'organizer', organizerId });
	const file = readImportFile(opts.text, PERSON_COLUMNS);
	const col = file.names;

	const members = await db
		.select({ id: people.id, name: people.name, email: people.email, eppn: people.eppn, protectedIdentity: people.protectedIdentity })
		.from(people)
		.innerJoin(memberships, eq(memberships.personId, people.id))
		.where(eq(memberships.organizerId, organizerId));
	const byEmail = new Map(members.map((p) => [p.email, p]));
	const fileEmailSet = new Set(file.rows.map((r) => r.cells.email.toLowerCase()));
	// Whose identity this administrator may change (decision 018): only people who are theirs alone.
	const scopes = await loadIdentityScopes(
		db,
		members.filter((p) => fileEmailSet.has(p.email)).map((p) => p.id)
	);
	const ownIdentity = new Set([...scopes.values()].filter((scope) => can(actor, 'identity.manage', scope)).map((scope) => scope.personId));
	const assignments = await db.select().from(roleAssignments).where(eq(roleAssignments.organizerId, organizerId));
	const activeUnits = await db
		.select({ id: units.id, name: units.name, schoolUnitCode: units.schoolUnitCode })
		.from(units)
		.where(and(eq(units.organizerId, organizerId), isNull(units.archivedAt)));
	// eppn is unique across the installation: one look-up across organizers, to name the clash before writing.
	const fileEppns = [...new Set(file.rows.map((r) => r.cells.eppn.toLowerCase()).filter(Boolean))];
	// A person of another organizer with the file's e-mail is joined, not created: their eppn is theirs.
	const fileEmails = [...new Set(file.rows.map((r) => r.cells.email.toLowerCase()).filter(Boolean))];
	const outsiders = new Map(
		fileEmails.length
			? (await db.select({ id: people.id, email: people.email }).from(people).where(inArray(people.email, fileEmails))).map((p) => [
					p.email,
					p.id
				])
			: []
	);
	const eppnOwners = new Map(
		fileEppns.length
			? (await db.select({ eppn: people.eppn, id: people.id }).from(people).where(inArray(people.eppn, fileEppns))).map((p) => [
					p.eppn!,
					p.id
				])
			: []
	);

	const drafts = file.rows.map((r) => {
		const c = r.cells;
		const personIssues: RowIssue[] = [];
		const email = c.email.toLowerCase();
		const current = byEmail.get(email) ?? null;
		const protectedCell = c.protectedIdentity ? parseYesNo(c.protectedIdentity) : undefined;
		if (c.protectedIdentity && protectedCell === undefined)
			addIssue(personIssues, { column: col.protectedIdentity, message: 'imports_error_yes_no', params: { value: c.protectedIdentity } });
		const candidate = {
			name: c.name,
			email,
			eppn: c.eppn || current?.eppn || null,
			protectedIdentity: protectedCell ?? current?.protectedIdentity ?? false
		};
		const parsed = personInputSchema.safeParse(candidate);
		if (!parsed.success) {
			for (const issue of parsed.error.issues)
				addIssue(personIssues, { column: col[SCHEMA_FIELD[String(issue.path[0])] ?? 'name'], message: issue.message });
		}
		if (current && parsed.success && !ownIdentity.has(current.id)) {
			const p = parsed.data;
			const differs = (
				[
					['name', current.name !== p.name],
					['eppn', (current.eppn ?? null) !== p.eppn],
					['protectedIdentity', current.protectedIdentity !== p.protectedIdentity]
				] as const
			).find(([, d]) => d);
			if (differs) addIssue(personIssues, { column: col[differs[0]], message: 'imports_error_identity_shared' });
		}
		const owner = c.eppn ? eppnOwners.get(c.eppn.toLowerCase()) : undefined;
		// An invited person's cells other than the name are not used, so their eppn is not compared either.
		const outsider = current ? undefined : outsiders.get(email);
		if (owner && !outsider && owner !== current?.id)
			addIssue(personIssues, { column: col.eppn, message: 'imports_error_eppn_taken', params: { value: c.eppn } });
		const { issues: roleIssues, ...role } = readRoleCells(c, col, activeUnits);
		const issues: RowIssue[] = [
			...(r.extra ? [{ column: null, message: 'imports_error_extra_cells' }] : []),
			...personIssues,
			...roleIssues
		];
		return { line: r.line, cells: c, email, current, outsider, personIssues, issues, input: parsed.success ? parsed.data : null, ...role };
	});

	// The same person on several rows: the first row says who they are; the others must agree.
	const firstOf = new Map<string, (typeof drafts)[number]>();
	const roleLines = new Map<string, number>();
	for (const d of drafts) {
		const first = firstOf.get(d.email);
		if (!first) firstOf.set(d.email, d);
		else if (first.personIssues.length)
			addIssue(d.issues, { column: col.email, message: 'imports_error_person_row_invalid', params: { line: first.line } });
		else {
			for (const f of PERSON_FIELDS) {
				const differs =
					f === 'protectedIdentity'
						? parseYesNo(d.cells[f]) !== parseYesNo(first.cells[f])
						: normalizeName(d.cells[f]) !== normalizeName(first.cells[f]);
				if (differs) addIssue(d.issues, { column: col[f], message: 'imports_error_person_differs', params: { line: first.line } });
			}
		}
		if (!d.role) continue;
		const key = `${d.email}|${d.role}|${d.unitId ?? ''}`;
		const seen = roleLines.get(key);
		if (seen !== undefined) addIssue(d.issues, { column: col.role, message: 'imports_error_duplicate_role', params: { line: seen } });
		else roleLines.set(key, d.line);
	}

	const carried = new Set<string>();
	const rows: PersonPlanRow[] = drafts.map((d) => {
		const existingRoles = d.current
			? assignments.filter((a) => a.personId === d.current!.id && a.role === d.role && a.unitId === d.unitId)
			: [];
		const sameDates = existingRoles.some((a) => (a.startsOn ?? null) === d.startsOn && (a.endsOn ?? null) === d.endsOn);
		if (d.role && existingRoles.length && !sameDates)
			addIssue(d.issues, { column: col.startsOn, message: 'imports_error_role_other_dates' });
		const row: PersonPlanRow = {
			line: d.line,
			outcome: 'error',
			issues: d.issues,
			changed: [],
			name: d.cells.name,
			email: d.email,
			role: d.role,
			unitName: d.unitName,
			unitId: d.unitId,
			startsOn: d.startsOn,
			endsOn: d.endsOn,
			personId: d.current?.id ?? null,
			personAction: null,
			input: null,
			assignsRole: !!d.role && existingRoles.length === 0
		};
		if (d.issues.length) return row;
		// The first valid row of a person carries the create or the change of the person.
		const input = firstOf.get(d.email)!.input!;
		if (!carried.has(d.email)) {
			carried.add(d.email);
			row.input = input;
			if (d.outsider) row.personAction = 'invite';
			else if (!d.current) row.personAction = 'create';
			else {
				const c = d.current;
				if (c.name !== input.name) row.changed.push(col.name);
				if ((c.eppn ?? null) !== (input.eppn ?? null)) row.changed.push(col.eppn);
				if (c.protectedIdentity !== input.protectedIdentity) row.changed.push(col.protectedIdentity);
				if (row.changed.length) row.personAction = 'update';
			}
		}
		if (row.assignsRole) row.changed.push(col.role);
		// An invitation looks like a new person in the plan, so the file does not tell which addresses exist.
		row.outcome =
			row.personAction === 'create' || row.personAction === 'invite' || (!d.current && row.assignsRole)
				? 'create'
				: row.changed.length
					? 'update'
					: 'unchanged';
		return row;
	});
	return { kind: 'people', rows, counts: countOutcomes(rows) };
}

import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { memberships, people, roleAssignments, sessions, ss12000Links } from '../../db/schema';
import { swedishSortKey } from '../../../sort-key';
import type { SourcePerson } from './source-types';
import { exampleName, personValues, type PersonValues } from './person-values';
import { auditMany, entityError, note, upsertLinks, type SyncContext } from './sync-context';

type Existing = typeof people.$inferSelect;
const FIELDS = ['name', 'email', 'eppn', 'protectedIdentity', 'status'] as const;

/**
 * One page of persons, written with a handful of statements whatever the page's size (decision 051).
 * A person is found by their link, then by eppn, then by e-mail. A person found but not a member of this
 * organizer belongs to someone else (decision 018) and is reported, not taken. The identity (name, e-mail, eppn,
 * protected flag, status) is changed only for a person who is this organizer's alone, as the people page would.
 * A person leaving Aktiv is deactivated and their sessions end.
 */
export async function applyPersons(tx: Db, ctx: SyncContext, persons: SourcePerson[]) {
	const wanted = persons.map((p) => ({ p, v: personValues(p) }));
	const ids = wanted.map((w) => w.p.id);
	const links =
		ids.length === 0
			? []
			: await tx
					.select({ sourceId: ss12000Links.sourceId, localId: ss12000Links.localId, goneAt: ss12000Links.goneAt })
					.from(ss12000Links)
					.where(
						and(eq(ss12000Links.organizerId, ctx.organizerId), eq(ss12000Links.entity, 'person'), inArray(ss12000Links.sourceId, ids))
					);
	const linked = new Map(links.filter((l) => l.localId).map((l) => [l.sourceId, l.localId!]));
	// A person the source had deleted and lists again: a delta does not carry their unchanged duties, so they are
	// read again after the duties step (decision 051 addendum).
	if (ctx.mode === 'delta')
		for (const l of links) if (l.goneAt && l.localId && !ctx.returning.includes(l.sourceId)) ctx.returning.push(l.sourceId);
	const emails = wanted.flatMap((w) => (w.v.email ? [w.v.email] : []));
	const eppns = wanted.flatMap((w) => (w.v.eppn ? [w.v.eppn] : []));
	const conds = [
		linked.size ? inArray(people.id, [...linked.values()]) : undefined,
		emails.length ? inArray(people.email, emails) : undefined,
		eppns.length ? inArray(people.eppn, eppns) : undefined
	].filter((c) => c !== undefined);
	const existing: Existing[] = conds.length
		? await tx
				.select()
				.from(people)
				.where(or(...conds))
		: [];
	const byId = new Map(existing.map((p) => [p.id, p]));
	const byEmail = new Map(existing.map((p) => [p.email, p]));
	const byEppn = new Map(existing.filter((p) => p.eppn).map((p) => [p.eppn!, p]));

	// Membership and system-administrator status of everyone found: who is ours, and whose identity is ours alone.
	const foundIds = existing.map((p) => p.id);
	const scope = new Map<string, { ours: boolean; others: number }>();
	const sysAdmins = new Set<string>();
	if (foundIds.length) {
		const rows = await tx
			.select({ personId: memberships.personId, organizerId: memberships.organizerId })
			.from(memberships)
			.where(inArray(memberships.personId, foundIds));
		for (const r of rows) {
			const s = scope.get(r.personId) ?? { ours: false, others: 0 };
			if (r.organizerId === ctx.organizerId) s.ours = true;
			else s.others++;
			scope.set(r.personId, s);
		}
		const admins = await tx
			.select({ personId: roleAssignments.personId })
			.from(roleAssignments)
			.where(
				and(inArray(roleAssignments.personId, foundIds), eq(roleAssignments.role, 'system_admin'), isNull(roleAssignments.organizerId))
			);
		for (const a of admins) sysAdmins.add(a.personId);
	}

	const toCreate: { sourceId: string; v: PersonValues & { email: string } }[] = [];
	const toUpdate: { before: Existing; v: PersonValues; sourceId: string }[] = [];
	const toLink: { sourceId: string; localId: string }[] = [];
	const takenEmails = new Set<string>();
	const takenEppns = new Set<string>();
	for (const { p, v } of wanted) {
		const found =
			byId.get(linked.get(p.id) ?? '') ?? (v.eppn ? byEppn.get(v.eppn) : undefined) ?? (v.email ? byEmail.get(v.email) : undefined);
		if (v.email && takenEmails.has(v.email)) {
			entityError(ctx, 'person', p.id, 'ss12000_problem_email_twice');
			continue;
		}
		if (v.eppn && takenEppns.has(v.eppn)) {
			entityError(ctx, 'person', p.id, 'ss12000_problem_eppn_twice');
			continue;
		}
		if (v.email) takenEmails.add(v.email);
		if (v.eppn) takenEppns.add(v.eppn);
		if (!found) {
			if (!v.email) {
				entityError(ctx, 'person', p.id, 'ss12000_problem_no_email');
				continue;
			}
			toCreate.push({ sourceId: p.id, v: { ...v, email: v.email } });
			continue;
		}
		const s = scope.get(found.id);
		if (!s?.ours) {
			entityError(ctx, 'person', p.id, 'ss12000_problem_other_organizer');
			continue;
		}
		toLink.push({ sourceId: p.id, localId: found.id });
		const next: PersonValues = { ...v, email: v.email ?? found.email, eppn: v.eppn ?? found.eppn };
		const clashEmail = next.email !== found.email && byEmail.has(next.email!) && byEmail.get(next.email!)!.id !== found.id;
		const clashEppn = next.eppn !== found.eppn && next.eppn && byEppn.has(next.eppn) && byEppn.get(next.eppn)!.id !== found.id;
		if (clashEmail || clashEppn) {
			entityError(ctx, 'person', p.id, clashEmail ? 'ss12000_problem_email_taken' : 'ss12000_problem_eppn_taken');
			continue;
		}
		if (FIELDS.every((f) => next[f] === found[f])) {
			note(ctx, 'unchanged');
			continue;
		}
		if (s.others > 0 || sysAdmins.has(found.id)) {
			// Decision 018: a shared identity is changed by the person or a system administrator, not by one organizer.
			entityError(ctx, 'person', p.id, 'ss12000_problem_shared_identity');
			continue;
		}
		toUpdate.push({ before: found, v: next, sourceId: p.id });
	}

	const audits: Parameters<typeof auditMany>[2] = [];
	if (toCreate.length) {
		const created = await tx
			.insert(people)
			.values(
				toCreate.map(({ v }) => ({
					name: v.name,
					nameSort: swedishSortKey(v.name),
					email: v.email,
					eppn: v.eppn,
					protectedIdentity: v.protectedIdentity,
					status: v.status
				}))
			)
			.returning({ id: people.id, email: people.email });
		const idOf = new Map(created.map((c) => [c.email, c.id]));
		await tx.insert(memberships).values(created.map((c) => ({ organizerId: ctx.organizerId, personId: c.id })));
		for (const { sourceId, v } of toCreate) {
			const id = idOf.get(v.email)!;
			toLink.push({ sourceId, localId: id });
			note(ctx, 'created', exampleName(v, sourceId));
			audits.push({
				action: 'person.create',
				entityType: 'person',
				entityId: id,
				changes: { email: [null, v.email], eppn: [null, v.eppn], protectedIdentity: [null, v.protectedIdentity], sourceId }
			});
		}
	}
	if (toUpdate.length) {
		const rows = toUpdate.map(({ before, v }) => ({ ...v, id: before.id, name_sort: swedishSortKey(v.name) }));
		await tx.execute(sql`
			UPDATE people AS p SET name = v.name, name_sort = v.name_sort, email = v.email, eppn = v.eppn,
				protected_identity = v."protectedIdentity", status = v.status, updated_at = now()
			FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
				AS v(id uuid, name text, name_sort text, email text, eppn text, "protectedIdentity" boolean, status text)
			WHERE p.id = v.id`);
		const endSessions: string[] = [];
		for (const { before, v, sourceId } of toUpdate) {
			const changes: Record<string, unknown> = { sourceId };
			for (const f of FIELDS) if (before[f] !== v[f]) changes[f] = [before[f], v[f]];
			const deactivated = before.status === 'active' && v.status === 'inactive';
			if (deactivated || before.email !== v.email) endSessions.push(before.id);
			note(ctx, deactivated ? 'deactivated' : 'updated', exampleName(v, sourceId));
			audits.push({ action: deactivated ? 'person.deactivate' : 'person.update', entityType: 'person', entityId: before.id, changes });
		}
		if (endSessions.length) await tx.delete(sessions).where(inArray(sessions.personId, endSessions));
	}
	await upsertLinks(tx, ctx, 'person', toLink);
	await auditMany(tx, ctx, audits);
}

import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { notifications, supportTeamMembers, supportTeams, ticketEvents, tickets, ticketSlaBreaches } from '../db/schema';
import { defaultEmail, type NotificationKind, type NotificationProfile } from '../notifications/kinds';
import { holders, notificationTargets, type Audience } from '../notifications/notification-targets';
import type { DemoOrganizer } from './build-demo-organizer';

/** How far back the demo's notifications reach, and how many of each person's newest stay unread. */
const DAYS_BACK = 21;
const UNREAD_PER_PERSON = 3;
/** At most this many per person: the list shows a realistic few weeks, not two school years. */
const MAX_PER_PERSON = 15;

const KEY_ROLE = { technical: 'technical_key_person', pedagogical: 'pedagogical_key_person' } as const;
const CENTRAL_ROLE = { technical: 'central_technical_support', pedagogical: 'central_pedagogical_support' } as const;
type Chain = keyof typeof KEY_ROLE;

/** Items grouped by a key, in their order (Map.groupBy without the newer library types). */
function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
	return out;
}

type Facts = { line: number; teamId: string | null; assigneeId: string | null; requesterId: string };
type Note = typeof notifications.$inferInsert;

/**
 * The notifications the demo's sign-ins would have had over the last three weeks of its cases (decision 026,
 * addendum): each recent case event (and each filing by a sign-in, for the receipt) is replayed through the product's own rules (`notificationTargets`, with the
 * case as it stood at that event), and the open cases near or past their deadline warn whoever holds them. Only the
 * people who can sign in get rows (the others would never read them); the newest few of each are unread, the rest
 * read. Mail is recorded as already sent, so the digest job mails nothing from the demo.
 */
export async function buildDemoNotifications(tx: Db, demo: DemoOrganizer, opts: { now?: Date } = {}): Promise<number> {
	const now = opts.now ?? new Date();
	const organizerId = demo.organizerId;
	const everyone = Object.entries(demo.people).flatMap(([role, list]) => list.map((p) => ({ ...p, role })));
	const signInEmails = new Set(demo.signIns.map((s) => s.email));
	const signedIn = everyone.filter((p) => signInEmails.has(p.email));
	const ids = new Set(signedIn.map((p) => p.id));
	if (ids.size === 0) return 0;

	const teamRows = await tx
		.select({ teamId: supportTeamMembers.teamId, personId: supportTeamMembers.personId, line: supportTeams.line })
		.from(supportTeamMembers)
		.innerJoin(supportTeams, eq(supportTeams.id, supportTeamMembers.teamId))
		.where(inArray(supportTeamMembers.personId, [...ids]));
	const teamMembers = new Map<string, string[]>();
	for (const r of teamRows) teamMembers.set(r.teamId, [...(teamMembers.get(r.teamId) ?? []), r.personId]);
	const profile = (personId: string): NotificationProfile => {
		const roles = signedIn.filter((p) => p.id === personId).map((p) => p.role);
		const lines = teamRows.filter((r) => r.personId === personId).map((r) => r.line);
		if (roles.some((r) => r.endsWith('key_person') || r.startsWith('central_') || r === 'org_admin') || lines.includes(2)) return 'handler';
		return lines.includes(3) ? 'supplier' : 'requester';
	};
	const unitOf = new Map(Object.entries(demo.units).map(([key, id]) => [id, key]));
	const reach = (a: Audience, t: { chain: string; unitId: string }): string[] => {
		if (a.type === 'person') return ids.has(a.personId) ? [a.personId] : [];
		if (a.type === 'team') return teamMembers.get(a.teamId) ?? [];
		const chain = t.chain as Chain;
		const unitKey = unitOf.get(t.unitId);
		return signedIn.filter((p) => (p.role === KEY_ROLE[chain] && p.unitKey === unitKey) || p.role === CENTRAL_ROLE[chain]).map((p) => p.id);
	};

	const since = new Date(now.getTime() - DAYS_BACK * 86_400_000);
	// Cases with recent events, and every case a sign-in filed (their receipts reach back further: they are few).
	const recent = await tx
		.selectDistinct({ id: ticketEvents.ticketId })
		.from(ticketEvents)
		.where(and(eq(ticketEvents.organizerId, organizerId), gte(ticketEvents.createdAt, since)));
	const filed = await tx
		.select({ id: tickets.id })
		.from(tickets)
		.where(and(eq(tickets.organizerId, organizerId), inArray(tickets.requesterId, [...ids])));
	const caseIds = [...new Set([...recent, ...filed].map((r) => r.id))];
	if (caseIds.length === 0) return 0;
	const cases = await tx.select().from(tickets).where(inArray(tickets.id, caseIds));
	const events = await tx
		.select()
		.from(ticketEvents)
		.where(inArray(ticketEvents.ticketId, caseIds))
		.orderBy(asc(ticketEvents.ticketId), asc(ticketEvents.createdAt), asc(ticketEvents.id));
	const breaches = await tx
		.select({ ticketId: ticketSlaBreaches.ticketId, kind: ticketSlaBreaches.kind, line: ticketSlaBreaches.line })
		.from(ticketSlaBreaches)
		.where(inArray(ticketSlaBreaches.ticketId, caseIds));

	const byCase = groupBy(events, (e) => e.ticketId);
	const notes: Note[] = [];
	const seen = new Set<string>();
	const add = (personId: string, kind: NotificationKind, t: (typeof cases)[number], line: number, at: Date, dedupeKey: string | null) => {
		const key = `${personId}:${kind}:${t.id}:${dedupeKey ?? at.getTime()}`;
		if (seen.has(key)) return;
		seen.add(key);
		const email = defaultEmail(profile(personId), kind) === 'off' ? 'none' : 'immediate';
		notes.push({
			organizerId,
			personId,
			kind,
			ticketId: t.id,
			params: { number: t.number, title: t.title, line },
			dedupeKey,
			email,
			emailedAt: email === 'none' ? null : at,
			createdAt: at
		});
	};

	for (const t of cases) {
		// The case as it stood after each event, as the product sees it when the event is written.
		const facts: Facts = { line: 1, teamId: null, assigneeId: null, requesterId: t.requesterId };
		for (const e of byCase.get(t.id) ?? []) {
			const data = (e.data ?? {}) as Record<string, unknown>;
			if (e.lineTo != null) {
				facts.line = e.lineTo;
				facts.teamId = typeof data.teamId === 'string' ? data.teamId : null;
				facts.assigneeId = null;
			}
			if (e.kind === 'assign') facts.assigneeId = typeof data.assigneeId === 'string' ? data.assigneeId : null;
			for (const target of notificationTargets(facts, e)) {
				if (e.createdAt < since && target.kind !== 'receipt') continue;
				for (const personId of reach(target.audience, t)) {
					if (personId === e.actorId && target.kind !== 'receipt') continue;
					add(personId, target.kind, t, facts.line, e.createdAt, null);
				}
			}
		}
		// Open cases near or past a deadline warn whoever holds them (the same once-only keys as the SLA job).
		if ((t.slaStatus === 'at_risk' || t.slaStatus === 'breached') && t.slaDueAt && t.state !== 'solved' && t.state !== 'closed') {
			const breached = t.slaStatus === 'breached';
			const own = breaches.filter((b) => b.ticketId === t.id);
			if (breached && own.length === 0) continue;
			const key = breached
				? `sla_breached:${t.id}:${own
						.map((b) => `${b.kind}-${b.line}`)
						.sort()
						.join(',')}`
				: `sla_at_risk:${t.id}:${t.slaDueAt.toISOString()}`;
			const at = breached ? (t.slaOverdueSince ?? now) : new Date(Math.min(now.getTime(), t.slaDueAt.getTime()) - 3_600_000);
			for (const personId of reach(holders(t), t)) add(personId, breached ? 'sla_breached' : 'sla_at_risk', t, t.line, at, key);
		}
	}

	// Each person's newest few, newest unread; the rest read a few hours after they came.
	const rows = [...groupBy(notes, (n) => n.personId).values()].flatMap((mine) =>
		mine
			.sort((a, b) => b.createdAt!.getTime() - a.createdAt!.getTime())
			.slice(0, MAX_PER_PERSON)
			.map((n, i) => ({
				...n,
				readAt: i < UNREAD_PER_PERSON ? null : new Date(Math.min(now.getTime(), n.createdAt!.getTime() + 3 * 3_600_000))
			}))
	);
	if (rows.length) await tx.insert(notifications).values(rows.reverse());
	return rows.length;
}

import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { capacityAssignments, ticketEvents } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { CAPACITY_WEEKS, TIMED_KINDS, pastWeeks, startOfDay, weekAfter } from '../capacity/capacity-rules';
import { countTimeSpent } from '../capacity/count-time-spent';
import type { DemoOrganizer } from './build-demo-organizer';

export type DemoCapacityCounts = { assignments: number; timedSteps: number };

/** The rektorsområde of the principal's demo sign-in: its key people show one overloaded and one unused allotment. */
const SHOWCASE_AREA = 'ro-norr';

/** Quarter hours, at least one. */
const quarterHours = (minutes: number) => Math.max(15, Math.round(minutes / 15) * 15);
/** Enough quarter hours for the work with a little to spare, so it reads as within the allotment. */
const quarterHoursAbove = (minutes: number) => Math.max(15, Math.ceil((minutes * 1.15) / 15) * 15);

/**
 * Allotted time for every key person of Exempelkommun (decision 043), from the August the school year began, and a
 * time written on about a third of the key people's recent replies, notes and solutions (the rest count the
 * estimate). The allotments follow what each person's work took in the last weeks, so the page tells a story: under
 * Rektorsområde Norr the busiest key person has half of what the work takes (overloaded) and the least busy four
 * times as much (unused); everyone else a little more than the work takes. Runs after the support chain, the guidance and the
 * questions, whose work it counts; deterministic for a given day. Inserted directly, without audit, as the rest of
 * the demo.
 */
export async function buildDemoCapacity(tx: Db, demo: DemoOrganizer, opts: { now?: Date } = {}): Promise<DemoCapacityCounts> {
	const now = opts.now ?? new Date();
	const today = todayInStockholm(now);
	const weeks = pastWeeks(now);
	const keyPeople = [
		...demo.people.pedagogical_key_person.map((p) => ({ ...p, chain: 'pedagogical' as const })),
		...demo.people.technical_key_person.map((p) => ({ ...p, chain: 'technical' as const }))
	].filter((p) => p.unitKey && demo.units[p.unitKey]);
	if (keyPeople.length === 0) return { assignments: 0, timedSteps: 0 };

	// Some steps with their time written down: every third recent one, 10–25 minutes by its number.
	const timed = await tx
		.update(ticketEvents)
		.set({ minutesSpent: sql`10 + (${ticketEvents.id} % 4) * 5` })
		.where(
			and(
				eq(ticketEvents.organizerId, demo.organizerId),
				eq(ticketEvents.by, 'handler'),
				inArray(ticketEvents.kind, [...TIMED_KINDS]),
				inArray(
					ticketEvents.actorId,
					keyPeople.map((p) => p.id)
				),
				gte(ticketEvents.createdAt, startOfDay(weeks[0])),
				sql`${ticketEvents.id} % 3 = 0`
			)
		)
		.returning({ id: ticketEvents.id });

	const spent = await countTimeSpent(tx, {
		organizerId: demo.organizerId,
		personIds: [...new Set(keyPeople.map((p) => p.id))],
		from: weeks[0],
		to: weekAfter(weeks[weeks.length - 1]),
		now
	});
	const weekly = (p: { id: string; chain: string }) =>
		spent.filter((w) => w.personId === p.id && w.chain === p.chain).reduce((s, w) => s + w.recordedMinutes + w.estimatedMinutes, 0) /
		CAPACITY_WEEKS;

	const inShowcase = keyPeople
		.filter((p) => demo.unitPlans.find((u) => u.key === p.unitKey)?.parentKey === SHOWCASE_AREA)
		.map((p) => ({ ...p, weekly: weekly(p) }))
		.sort((a, b) => b.weekly - a.weekly || a.email.localeCompare(b.email) || a.chain.localeCompare(b.chain));
	const busiest = inShowcase[0];
	const quietest = inShowcase.length > 1 ? inShowcase[inShowcase.length - 1] : undefined;

	const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 8 ? 1 : 0);
	const validFrom = `${year}-08-01`;
	const is = (p: { id: string; chain: string }, q: { id: string; chain: string } | undefined) =>
		!!q && p.id === q.id && p.chain === q.chain;
	const rows = keyPeople.map((p) => {
		const w = weekly(p);
		const minutes = is(p, busiest) ? quarterHours(w / 2) : is(p, quietest) ? Math.max(120, quarterHours(w * 4)) : quarterHoursAbove(w);
		return {
			organizerId: demo.organizerId,
			personId: p.id,
			unitId: demo.units[p.unitKey!],
			chain: p.chain,
			minutesPerWeek: minutes,
			validFrom,
			note: p.chain === 'pedagogical' ? 'Stöd till kollegor i digitala arbetssätt.' : 'Första linjens IT-stöd på enheten.'
		};
	});
	await tx.insert(capacityAssignments).values(rows);
	return { assignments: rows.length, timedSteps: timed.length };
}

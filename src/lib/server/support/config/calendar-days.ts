import { and, asc, between, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { supportCalendarDays } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { sql } from 'drizzle-orm';
import { authorizeConfigure, type ConfigOptions } from './config-common';
import { calendarPeriodSchema, calendarRemoveSchema, dayNumber, daysOf, type CalendarPeriodInput } from './calendar-input';
import { parseOrThrow } from '../../errors';

/** A run of consecutive days with the same kind and label, as the calendar page lists them. */
export type CalendarPeriod = { from: string; to: string; kind: string; label: string; days: number };

/** The organizer's own closed days and lov days, joined into periods, in date order. */
export async function findCalendarPeriods(db: Db, { actor, organizerId }: ConfigOptions): Promise<CalendarPeriod[]> {
	authorizeConfigure(actor, organizerId);
	const rows = await db
		.select({ day: supportCalendarDays.day, kind: supportCalendarDays.kind, label: supportCalendarDays.label })
		.from(supportCalendarDays)
		.where(eq(supportCalendarDays.organizerId, organizerId))
		.orderBy(asc(supportCalendarDays.day));
	const out: CalendarPeriod[] = [];
	for (const r of rows) {
		const last = out.at(-1);
		if (last && last.kind === r.kind && last.label === r.label && dayNumber(r.day)! === dayNumber(last.to)! + 1) {
			last.to = r.day;
			last.days++;
		} else out.push({ from: r.day, to: r.day, kind: r.kind, label: r.label, days: 1 });
	}
	return out;
}

/**
 * Adds a period of closed days or lov days (both ends included). Days already listed take the new
 * kind and label. Audited as one event.
 */
export async function addCalendarPeriod(db: Db, { actor, organizerId, input }: ConfigOptions & { input: CalendarPeriodInput }) {
	authorizeConfigure(actor, organizerId);
	const data = parseOrThrow(calendarPeriodSchema, input);
	const days = daysOf(data.from, data.to);
	return db.transaction(async (tx) => {
		await tx
			.insert(supportCalendarDays)
			.values(days.map((day) => ({ organizerId, day, kind: data.kind, label: data.label })))
			.onConflictDoUpdate({
				target: [supportCalendarDays.organizerId, supportCalendarDays.day],
				set: { kind: sql`excluded.kind`, label: sql`excluded.label` }
			});
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'support.calendar_add',
			entityType: 'organizer',
			entityId: organizerId,
			changes: { period: [null, { from: data.from, to: data.to, kind: data.kind, label: data.label }] }
		});
		return days.length;
	});
}

/** Removes the organizer's own days from `from` to `to` (both included). Nothing listed there changes nothing. */
export async function removeCalendarPeriod(db: Db, { actor, organizerId, input }: ConfigOptions & { input: { from: string; to: string } }) {
	authorizeConfigure(actor, organizerId);
	const data = parseOrThrow(calendarRemoveSchema, input);
	return db.transaction(async (tx) => {
		const removed = await tx
			.delete(supportCalendarDays)
			.where(and(eq(supportCalendarDays.organizerId, organizerId), between(supportCalendarDays.day, data.from, data.to)))
			.returning();
		if (removed.length === 0) return 0;
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'support.calendar_remove',
			entityType: 'organizer',
			entityId: organizerId,
			changes: { period: [{ from: data.from, to: data.to, kinds: [...new Set(removed.map((r) => r.kind))], days: removed.length }, null] }
		});
		return removed.length;
	});
}

import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { guidanceBookings, guidanceSessions } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { stockholmInstant } from '../planning/forums/forum-input';
import { formatDay, parseDay, weekday } from '../support/sla/days';
import type { DemoOrganizer } from './build-demo-organizer';

export type DemoGuidanceCounts = { sessions: number; bookings: number };

/** How many weeks of the weekly Onlinestuga the demo offers. */
const STUGA_WEEKS = 6;

/**
 * Exempelkommun's guidance in the coming weeks, in our own words: a weekly "Onlinestuga" drop-in on Wednesday
 * afternoons hosted by central pedagogical support, an "IKT-café" at a school every other Thursday, and a handful of
 * 1–1 times with a pedagogical key person, online or at the school. Two teachers have booked seats. Deterministic for
 * a given day: the same people and times each time the demo loads (no random source; it starts from the Monday after
 * `now`). Inserted directly, without mail or audit, as the rest of the demo.
 */
export async function buildDemoGuidance(tx: Db, demo: DemoOrganizer, opts: { now?: Date } = {}): Promise<DemoGuidanceCounts> {
	const central = demo.people.central_pedagogical_support[0];
	const key = demo.people.pedagogical_key_person[0];
	if (!central || !key) return { sessions: 0, bookings: 0 };
	const today = parseDay(todayInStockholm(opts.now));
	const monday = today + ((8 - weekday(today)) % 7 || 7);
	const at = (day: number, from: string, to: string) => ({
		startsAt: stockholmInstant(formatDay(day), from),
		endsAt: stockholmInstant(formatDay(day), to)
	});
	const base = { organizerId: demo.organizerId, chain: 'pedagogical' };
	const keyUnit = key.unitKey ? (demo.units[key.unitKey] ?? null) : null;

	const stugaSeries = randomUUID();
	const cafeSeries = randomUUID();
	const rows: (typeof guidanceSessions.$inferInsert)[] = [
		...Array.from({ length: STUGA_WEEKS }, (_, week) => ({
			...base,
			kind: 'drop_in' as const,
			title: 'Onlinestuga',
			description:
				'Öppen digital verkstad varje onsdag. Kom in när det passar och ta med det du fastnat på – lärplattformen, delade dokument, skärminspelning eller något helt annat.',
			hostId: central.id,
			meetingUrl: 'https://mote.exempel.se/onlinestuga',
			seats: 12,
			seriesId: stugaSeries,
			...at(monday + 2 + week * 7, '15:00', '16:00')
		})),
		...[0, 14].map((offset) => ({
			...base,
			kind: 'drop_in' as const,
			title: 'IKT-café',
			description: 'Fika och frågor om digitala verktyg i undervisningen. Ta gärna med din egen dator.',
			hostId: key.id,
			unitId: keyUnit,
			place: 'Personalrummet',
			seats: 8,
			seriesId: cafeSeries,
			...at(monday + 3 + offset, '14:30', '15:30')
		})),
		...[
			[1, '08:30', '09:00', true],
			[1, '13:00', '13:30', false],
			[3, '09:00', '09:30', true],
			[8, '08:30', '09:00', false],
			[10, '13:00', '13:30', true]
		].map(([day, from, to, online]) => ({
			...base,
			kind: 'one_to_one' as const,
			title: 'Handledning 1–1',
			description: 'En halvtimme för just din fråga, till exempel att lägga upp en uppgift eller ge återkoppling digitalt.',
			hostId: key.id,
			...(online || !keyUnit ? { meetingUrl: 'https://mote.exempel.se/handledning' } : { unitId: keyUnit, place: 'Grupprum 2' }),
			seats: 1,
			...at(monday + (day as number), from as string, to as string)
		}))
	];
	const sessions = await tx.insert(guidanceSessions).values(rows).returning({ id: guidanceSessions.id, title: guidanceSessions.title });
	const bookers = demo.people.staff.filter((p) => p.id !== key.id && p.id !== central.id).slice(0, 2);
	const firstStuga = sessions.find((s) => s.title === 'Onlinestuga');
	const firstSlot = sessions.find((s) => s.title === 'Handledning 1–1');
	const bookings: (typeof guidanceBookings.$inferInsert)[] = [];
	if (firstStuga)
		for (const p of bookers)
			bookings.push({ sessionId: firstStuga.id, personId: p.id, note: 'Hur delar jag en mapp med hela arbetslaget?' });
	if (firstSlot && bookers[0])
		bookings.push({ sessionId: firstSlot.id, personId: bookers[0].id, note: 'Vill komma igång med digitala prov.' });
	if (bookings.length) await tx.insert(guidanceBookings).values(bookings);
	return { sessions: sessions.length, bookings: bookings.length };
}

import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { guidanceBookings, guidanceSessions } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { stockholmInstant } from '../planning/forums/forum-input';
import { formatDay, parseDay } from '../support/sla/days';
import { schoolYearOf } from '../support/followup/school-years';
import type { DemoOrganizer, DemoPersonRef } from './build-demo-organizer';
import type { Random } from './random';
import { autumnStart, lovPeriods } from './support/school-calendar';

export type DemoGuidanceHistoryCounts = { sessions: number; bookings: number };

const NOTES = [
	'Hur gör jag en delad mapp för arbetslaget?',
	'Vill lära mig spela in en kort genomgång.',
	'Hjälp med att ge återkoppling i lärplattformen.',
	'Hur lägger jag upp ett digitalt prov?',
	'Skärmdelning i klassrummet strular.',
	''
];

/**
 * The guidance Exempelkommun has held since the school year before this one began (issue 20, decision 068: sub-goal
 * 1.3 counts the sessions held and the seats booked in them): in every teaching week the Wednesday "Onlinestuga"
 * online, a monthly "IKT-café" at each school with a pedagogical key person (booked by that school's staff) and a
 * couple of 1–1 times with a key person. Lov weeks and the summer have none. All in the past (the coming weeks are
 * buildDemoGuidance's). Inserted directly, without mail or audit, as the rest of the demo.
 */
export async function buildDemoGuidanceHistory(
	tx: Db,
	demo: DemoOrganizer,
	random: Random,
	opts: { now?: Date } = {}
): Promise<DemoGuidanceHistoryCounts> {
	const central = demo.people.central_pedagogical_support[0];
	const keys = demo.people.pedagogical_key_person.filter((k) => k.unitKey && demo.units[k.unitKey]);
	const staff = demo.people.staff.filter((p) => p.unitKey && demo.units[p.unitKey]);
	if (!central || keys.length === 0 || staff.length === 0) return { sessions: 0, bookings: 0 };
	const today = parseDay(todayInStockholm(opts.now));
	const thisYear = Number(schoolYearOf(formatDay(today)).from.slice(0, 4));
	const lov = new Set([thisYear - 1, thisYear].flatMap((y) => lovPeriods(y).flatMap((p) => p.days)));
	const staffAt = new Map<string, DemoPersonRef[]>();
	for (const p of staff) staffAt.set(p.unitKey!, [...(staffAt.get(p.unitKey!) ?? []), p]);
	const base = { organizerId: demo.organizerId, chain: 'pedagogical' };
	const series = { stuga: randomUUID(), cafe: randomUUID() };
	const sessions: (typeof guidanceSessions.$inferInsert)[] = [];
	const bookings: (typeof guidanceBookings.$inferInsert)[] = [];
	const at = (day: number, from: string, to: string) => ({
		startsAt: stockholmInstant(formatDay(day), from),
		endsAt: stockholmInstant(formatDay(day), to)
	});
	const book = (sessionId: string, hostId: string, people: DemoPersonRef[], count: number, startsAt: Date) => {
		const chosen = new Map<string, DemoPersonRef>();
		const open = new Set(people.filter((p) => p.id !== hostId).map((p) => p.id)).size;
		while (chosen.size < Math.min(count, open)) {
			const p = random.pick(people);
			if (p.id !== hostId) chosen.set(p.id, p);
		}
		for (const p of chosen.values())
			bookings.push({
				sessionId,
				personId: p.id,
				note: random.pick(NOTES),
				createdAt: new Date(startsAt.getTime() - random.int(1, 6) * 86_400_000)
			});
	};
	// Teaching weeks from the first term's start of last school year until yesterday.
	for (let monday = autumnStart(thisYear - 1); monday + 2 < today; monday += 7) {
		if (lov.has(monday + 2)) continue;
		const week = (monday - autumnStart(thisYear - 1)) / 7;
		const stuga = { id: randomUUID(), ...at(monday + 2, '15:00', '16:00') };
		sessions.push({
			...base,
			...stuga,
			kind: 'drop_in',
			title: 'Onlinestuga',
			description: 'Öppen digital verkstad varje onsdag: kom in med det du fastnat på.',
			hostId: central.id,
			meetingUrl: 'https://mote.exempel.se/onlinestuga',
			seats: 12,
			seriesId: series.stuga
		});
		book(stuga.id, central.id, staff, random.int(5, 11), stuga.startsAt);
		// Each school's café comes round once in four weeks; a quarter of the schools hold theirs this week.
		for (const [i, key] of keys.entries()) {
			if ((i + week) % 4 !== 0 || monday + 3 >= today) continue;
			const cafe = { id: randomUUID(), ...at(monday + 3, '14:30', '15:30') };
			sessions.push({
				...base,
				...cafe,
				kind: 'drop_in',
				title: 'IKT-café',
				description: 'Fika och frågor om digitala verktyg i undervisningen.',
				hostId: key.id,
				unitId: demo.units[key.unitKey!],
				place: 'Personalrummet',
				seats: 10,
				seriesId: series.cafe
			});
			book(cafe.id, key.id, staffAt.get(key.unitKey!) ?? [], random.int(4, 9), cafe.startsAt);
		}
		for (const day of [monday + 1, monday + 4]) {
			if (day >= today) continue;
			const key = random.pick(keys);
			const slot = { id: randomUUID(), ...at(day, '08:30', '09:00') };
			sessions.push({
				...base,
				...slot,
				kind: 'one_to_one',
				title: 'Handledning 1–1',
				description: 'En halvtimme för just din fråga.',
				hostId: key.id,
				unitId: demo.units[key.unitKey!],
				place: 'Grupprum 2',
				seats: 1
			});
			book(slot.id, key.id, staffAt.get(key.unitKey!) ?? staff, 1, slot.startsAt);
		}
	}
	for (let i = 0; i < sessions.length; i += 500) await tx.insert(guidanceSessions).values(sessions.slice(i, i + 500));
	for (let i = 0; i < bookings.length; i += 1000) await tx.insert(guidanceBookings).values(bookings.slice(i, i + 1000));
	return { sessions: sessions.length, bookings: bookings.length };
}

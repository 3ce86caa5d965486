import { randomUUID } from 'node:crypto';
import type { deviceEvents, deviceRepairs, devices, people } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { swedishSortKey } from '../../sort-key';
import type { DemoOrganizer } from './build-demo-organizer';
import { emailLocalPart, FIRST_NAMES, SURNAMES } from './names';

/** The five demo models by role (build-demo-devices.ts makes them). */
export type FleetModels = Record<'cheap' | 'dear' | 'upper' | 'teacher' | 'tablet', { id: string; warrantyMonths: number }>;

/**
 * The schools' own computers (one per pupil from year 4, one per pupil at the upper schools), which student model
 * each school bought, and the class-set tablets for the younger years and the preschools. Three schools tried the
 * cheap model.
 */
const SCHOOLS: Record<string, { pupils: number; model: 'cheap' | 'dear' | 'upper'; tablets: number }> = {
	solbacka: { pupils: 176, model: 'dear', tablets: 120 },
	angsskolan: { pupils: 157, model: 'dear', tablets: 110 },
	ronnby: { pupils: 106, model: 'cheap', tablets: 70 },
	granas: { pupils: 129, model: 'cheap', tablets: 90 },
	kvarnbacka: { pupils: 455, model: 'dear', tablets: 0 },
	akerlund: { pupils: 390, model: 'cheap', tablets: 0 },
	strandvallen: { pupils: 880, model: 'upper', tablets: 0 },
	bjorkhagen: { pupils: 0, model: 'dear', tablets: 24 },
	larkangen: { pupils: 0, model: 'dear', tablets: 20 },
	ekdalen: { pupils: 0, model: 'dear', tablets: 22 },
	sjoviken: { pupils: 0, model: 'dear', tablets: 18 }
};
/** The previous generation, written off after three years: this share of today's pupil computers. */
const OLD_GENERATION = 1.2;
/** Repairs per device-year and their usual cost outside warranty: the cheap model breaks far more often. */
const REPAIRS: Record<keyof FleetModels, { rate: number; cost: number }> = {
	cheap: { rate: 1.6, cost: 1400 },
	dear: { rate: 0.2, cost: 1500 },
	upper: { rate: 0.35, cost: 1200 },
	teacher: { rate: 0.12, cost: 1700 },
	tablet: { rate: 0.25, cost: 800 }
};

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
export type DemoFleet = {
	pupils: Insert<typeof people>[];
	devices: Insert<typeof devices>[];
	events: Insert<typeof deviceEvents>[];
	repairs: Insert<typeof deviceRepairs>[];
};

const DAY = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
const at = (day: string, hour: number, minute = 0) =>
	new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
/** A fixed fraction in [0, 1) for the i-th thing: spreads choices evenly without a random source. */
const spread = (i: number) => (i * 0.6180339887498949) % 1;

/**
 * The demo's large device register (issue 17 item 9, decision 069): about 6 000 devices over five models at the
 * school units, beside the 80 hand-made ones. Every pupil from year 4 has a computer, handed out at the school start
 * in August of both demo years (the newest ones at the later start; every third pupil handed theirs in for the summer
 * and got it back), staff have a leased teacher computer, the younger years share tablets, and the previous
 * generation was written off last June. Repairs follow each model's rate over its years of use (free under warranty,
 * a loaner for every other one, a few still away), two pupil computers were lost and one stolen. The pupils are
 * invented members of the organizer without a sign-in and without a role: a student role would make them respondents
 * of the demo's self-assessment rounds and surveys, whose figures rest on the hand-made people (decision 069). Deterministic: no random source; the school starts are the two
 * latest Augusts before `now`.
 */
export function planDemoFleet(
	demo: DemoOrganizer,
	o: { models: FleetModels; firstTag: number; heldBy: Set<string>; now?: Date }
): DemoFleet {
	const { models } = o;
	const now = o.now ?? new Date();
	const today = todayInStockholm(now);
	const thisYear = Number(today.slice(0, 4));
	const y = today >= `${thisYear}-08-17` ? thisYear : thisYear - 1;
	const starts = [`${y - 1}-08-17`, `${y}-08-17`];
	const summerReturn = `${y}-06-12`;
	const takenNames = new Set(Object.values(demo.people).flatMap((list) => list.map((p) => p.name)));
	const out: DemoFleet = { pupils: [], devices: [], events: [], repairs: [] };
	const base = { organizerId: demo.organizerId };
	let n = o.firstTag;
	let pupilNo = 0;
	let stolen = false;
	let lost = 0;

	const register = (o: { unitId: string; model: keyof FleetModels; bought: string; status: string; holderId: string | null }) => {
		const id = randomUUID();
		const tag = `EX-${String(n).padStart(5, '0')}`;
		out.devices.push({
			...base,
			id,
			modelId: models[o.model].id,
			unitId: o.unitId,
			assetTag: tag,
			serialNumber: `SN${String(70_000 + n * 37).padStart(8, '0')}`,
			status: o.status,
			purchaseDate: o.bought,
			holderId: o.holderId
		});
		out.events.push({ ...base, deviceId: id, kind: 'registered', toStatus: 'in_stock', createdAt: at(o.bought, 8) });
		n++;
		return { id, tag };
	};
	const event = (deviceId: string, kind: string, from: string | null, to: string, day: string, hour: number, more = {}) =>
		out.events.push({ ...base, deviceId, kind, fromStatus: from, toStatus: to, createdAt: at(day, hour), ...more });

	/** The device's repairs over its years in use, placed in term time; the last may still be away. */
	const repair = (
		d: { id: string; tag: string },
		i: number,
		o: { model: keyof FleetModels; bought: string; until: string; holderId: string | null; spare?: { id: string; tag: string } }
	) => {
		const years = daysBetween(o.bought, o.until) / 365.25;
		const count = Math.floor(REPAIRS[o.model].rate * years + spread(i));
		for (let k = 0; k < count; k++) {
			let sent = addDays(o.bought, Math.round(((k + spread(i * 3 + k + 1)) / count) * daysBetween(o.bought, o.until)));
			if (sent.slice(5) >= '06-05' && sent.slice(5) < '08-25') sent = `${sent.slice(0, 4)}-09-${String(2 + k).padStart(2, '0')}`;
			const back = addDays(sent, 5 + ((i + k) % 11));
			if (back >= today) continue;
			const warranty = sent < addDays(o.bought, Math.round(models[o.model].warrantyMonths * 30.44));
			const cost = warranty ? 0 : REPAIRS[o.model].cost + (((i * 37 + k * 11) % 9) - 4) * 60;
			const loaner = o.holderId && o.spare && (i + k) % 2 === 0 ? o.spare : null;
			out.repairs.push({
				...base,
				deviceId: d.id,
				warranty,
				holderId: o.holderId,
				loanerDeviceId: loaner?.id ?? null,
				sentAt: at(sent, 9),
				returnedAt: at(back, 14),
				cost,
				parts: cost ? 'Skärm' : ''
			});
			const held = o.holderId ? 'handed_out' : 'in_stock';
			event(d.id, 'repair_sent', held, 'in_repair', sent, 9, { personId: o.holderId });
			event(d.id, 'repair_returned', 'in_repair', held, back, 14, { personId: o.holderId });
			if (loaner) {
				event(loaner.id, 'loaned', 'in_stock', 'on_loan', sent, 10, { personId: o.holderId, note: d.tag });
				event(loaner.id, 'returned', 'on_loan', 'in_stock', back, 15, { personId: o.holderId, condition: 'ok' });
			}
		}
	};

	for (const [key, school] of Object.entries(SCHOOLS)) {
		const unitId = demo.units[key];
		if (!unitId) continue;
		// A few spares per school: the loaners of the repairs.
		const spares = Array.from({ length: Math.max(2, Math.round(school.pupils / 40)) }, () =>
			register({ unitId, model: school.model, bought: `${y - 1}-07-20`, status: 'in_stock', holderId: null })
		);
		for (let i = 0; i < school.pupils; i++) {
			const name = pupilName(pupilNo++, takenNames);
			const pupilId = randomUUID();
			out.pupils.push({
				id: pupilId,
				name: name.full,
				nameSort: swedishSortKey(name.full),
				email: `${emailLocalPart(name.first, name.last)}.${String(pupilNo).padStart(4, '0')}@elev.exempelkommun.se`
			});
			// A third were bought for the later school start, the rest for the one before.
			const newest = i % 3 === 2;
			const bought = newest ? `${y}-07-20` : `${y - 1}-07-20`;
			let status = 'handed_out';
			let holderId: string | null = pupilId;
			if (!stolen && key === 'kvarnbacka' && i === 17) [status, holderId, stolen] = ['stolen', null, true];
			else if (lost < 2 && key === 'akerlund' && (i === 40 || i === 200)) [status, holderId, lost] = ['lost', null, lost + 1];
			const open = holderId !== null && i % 211 === 5;
			if (open) [status, holderId] = ['in_repair', null];
			const d = register({ unitId, model: school.model, bought, status, holderId });
			event(d.id, 'handed_out', 'in_stock', 'handed_out', newest ? starts[1] : starts[0], 9, { personId: pupilId });
			if (!newest && i % 3 === 0) {
				event(d.id, 'returned', 'handed_out', 'in_stock', summerReturn, 13, { personId: pupilId, condition: 'ok' });
				event(d.id, 'handed_out', 'in_stock', 'handed_out', starts[1], 10, { personId: pupilId });
			}
			const until = open ? addDays(today, -30) : today;
			repair(d, i, { model: school.model, bought, until, holderId: pupilId, spare: spares[i % spares.length] });
			if (status === 'stolen' || status === 'lost') {
				const day = addDays(today, -40 - (i % 20));
				event(d.id, 'status_changed', 'handed_out', status, addDays(day, 1), 8, {
					personId: pupilId,
					occurredOn: day,
					note: status === 'stolen' ? 'Väskan togs på bussen hem.' : 'Glömd på en utflykt, inte återfunnen.',
					...(status === 'stolen' && { policeReport: `5000-K${String(318_842 + i)}-${day.slice(2, 4)}` })
				});
			} else if (open) {
				const sent = addDays(today, -12);
				out.repairs.push({ ...base, deviceId: d.id, holderId: pupilId, sentAt: at(sent, 9), expectedBackOn: addDays(today, 3) });
				event(d.id, 'repair_sent', 'handed_out', 'in_repair', sent, 9, { personId: pupilId });
			}
		}
		// The previous generation: three years in use, written off last June.
		const scrapped = `${y}-06-20`;
		for (let i = 0; i < Math.round(school.pupils * OLD_GENERATION); i++) {
			const bought = `${y - 3}-07-20`;
			const d = register({ unitId, model: school.model, bought, status: 'scrapped', holderId: null });
			repair(d, i + 7, { model: school.model, bought, until: scrapped, holderId: null });
			event(d.id, 'status_changed', 'in_stock', 'scrapped', scrapped, 11, { note: 'Uttjänt efter tre år, lämnad till återvinning.' });
		}
		// The younger years' class-set tablets stay at school.
		for (let i = 0; i < school.tablets; i++) {
			const bought = i % 2 ? `${y - 2}-07-20` : `${y - 1}-07-20`;
			const d = register({ unitId, model: 'tablet', bought, status: 'in_stock', holderId: null });
			repair(d, i + 3, { model: 'tablet', bought, until: today, holderId: null });
		}
	}
	// A leased teacher computer for each member of staff who has none from the hand-made register — except at the
	// upper secondary school and the adult education, whose staff and own students are not in the register yet (the
	// school-start scenario of the devices e2e hands out there).
	const NOT_YET = new Set(['strandvallen', 'larcentrum']);
	const holders = new Set(o.heldBy);
	let staffNo = 0;
	for (const s of demo.people.staff) {
		const unitId = s.unitKey ? demo.units[s.unitKey] : undefined;
		if (!unitId || holders.has(s.id) || NOT_YET.has(s.unitKey!)) continue;
		holders.add(s.id);
		const older = ++staffNo % 3 === 0;
		const bought = older ? `${y - 2}-07-20` : `${y - 1}-07-20`;
		const d = register({ unitId, model: 'teacher', bought, status: 'handed_out', holderId: s.id });
		event(d.id, 'handed_out', 'in_stock', 'handed_out', older ? addDays(starts[0], -365) : starts[0], 11, { personId: s.id });
		repair(d, staffNo, { model: 'teacher', bought, until: today, holderId: s.id });
	}
	return out;
}

/** The i-th invented pupil name, never one the demo's other people have. */
function pupilName(i: number, taken: Set<string>) {
	for (let k = i; ; k += 7919) {
		const first = FIRST_NAMES[k % FIRST_NAMES.length];
		const last = SURNAMES[(Math.floor(k / FIRST_NAMES.length) * 7 + k) % SURNAMES.length];
		const full = `${first} ${last}`;
		if (!taken.has(full)) return { first, last, full };
	}
}

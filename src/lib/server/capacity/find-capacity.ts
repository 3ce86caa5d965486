import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { capacityAssignments } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { authorize, can, type Actor } from '../policies';
import { KEY_PERSON_OF } from '../policies/roles';
import { swedishSortKey } from '../../sort-key';
import { allottedInWeek, flagOf, pastWeeks, weekAfter, type CapacityFlag } from './capacity-rules';
import { findKeyRoles, loadCapacityScope } from './capacity-scope';
import { countTimeSpent } from './count-time-spent';
import { shownNamesById } from '../support/privacy/shown-names';
import { weekNumber } from '../knowledge/questions/week';

/** One week of one key person's chain: the allotment and the time spent. */
export type CapacityWeek = { weekStart: string; week: number; allotted: number; recorded: number; estimated: number };

/** A key person's time in one chain, with the allotments behind it. */
export type CapacityRow = {
	personId: string;
	personName: string;
	chain: string;
	weeks: CapacityWeek[];
	allotted: number;
	recorded: number;
	estimated: number;
	cases: number;
	casesEstimated: number;
	sessions: number;
	answers: number;
	share: number | null;
	flag: CapacityFlag;
	assignments: {
		id: string;
		unitName: string;
		minutesPerWeek: number;
		validFrom: string;
		validTo: string | null;
		note: string;
		current: boolean;
		canManage: boolean;
	}[];
};

/**
 * The capacity page (capacity.view): for each key person and chain whose allotment the actor may read, the allotted
 * and spent minutes of the last CAPACITY_WEEKS whole weeks and a flag over them (decision 043). Principals see the
 * key people of their units, administrators and leadership everyone's, a key person their own. The comparison sums
 * all the person's allotments in the chain, also at units the actor does not manage, since the time spent is not
 * split by unit. For those who manage allotments: the key people at their units who have no current one.
 */
export async function findCapacity(db: Db, opts: { actor: Actor | null; organizerId: string; now?: Date }) {
	authorize(opts.actor, 'capacity.view', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const now = opts.now ?? new Date();
	const today = todayInStockholm(now);
	const weeks = pastWeeks(now);
	const { tree, byId, resource } = await loadCapacityScope(db, opts.organizerId);
	const all = await db
		.select({ a: capacityAssignments })
		.from(capacityAssignments)
		.where(eq(capacityAssignments.organizerId, opts.organizerId));
	const readable = all.filter(({ a }) => can(actor, 'capacity.read', resource(a.unitId, a.personId)));
	const keyOf = (personId: string, chain: string) => `${personId}|${chain}`;
	const shown = new Set(readable.map(({ a }) => keyOf(a.personId, a.chain)));
	const inRows = all.filter(({ a }) => shown.has(keyOf(a.personId, a.chain)));

	const counted = await countTimeSpent(db, {
		organizerId: opts.organizerId,
		personIds: [...new Set(inRows.map(({ a }) => a.personId))],
		from: weeks[0],
		to: weekAfter(weeks[weeks.length - 1]),
		now
	});
	const spentOf = new Map(counted.map((w) => [`${w.personId}|${w.chain}|${w.weekStart}`, w]));
	// A key person with protected identity goes by their pseudonym here too (but to administrators and themselves).
	const shownName = await shownNamesById(db, {
		actor,
		organizerId: opts.organizerId,
		personIds: inRows.map(({ a }) => a.personId),
		via: 'capacity'
	});

	const rows = new Map<string, CapacityRow>();
	for (const { a } of inRows) {
		const key = keyOf(a.personId, a.chain);
		let row = rows.get(key);
		if (!row) {
			row = {
				personId: a.personId,
				personName: shownName.get(a.personId) ?? '',
				chain: a.chain,
				weeks: weeks.map((weekStart) => {
					const w = spentOf.get(`${key}|${weekStart}`);
					return {
						weekStart,
						week: weekNumber(weekStart),
						allotted: 0,
						recorded: w?.recordedMinutes ?? 0,
						estimated: w?.estimatedMinutes ?? 0
					};
				}),
				allotted: 0,
				recorded: 0,
				estimated: 0,
				cases: 0,
				casesEstimated: 0,
				sessions: 0,
				answers: 0,
				share: null,
				flag: 'none',
				assignments: []
			};
			for (const weekStart of weeks) {
				const w = spentOf.get(`${key}|${weekStart}`);
				if (!w) continue;
				row.cases += w.cases;
				row.casesEstimated += w.casesEstimated;
				row.sessions += w.sessions;
				row.answers += w.answers;
			}
			rows.set(key, row);
		}
		for (const w of row.weeks) w.allotted += allottedInWeek(a, w.weekStart);
		const r = resource(a.unitId, a.personId);
		if (can(actor, 'capacity.read', r))
			row.assignments.push({
				id: a.id,
				unitName: byId.get(a.unitId)?.name ?? '',
				minutesPerWeek: a.minutesPerWeek,
				validFrom: a.validFrom,
				validTo: a.validTo,
				note: a.note,
				current: a.validFrom <= today && (a.validTo === null || a.validTo >= today),
				canManage: can(actor, 'capacity.manage', r)
			});
	}
	for (const row of rows.values()) {
		row.allotted = row.weeks.reduce((s, w) => s + w.allotted, 0);
		row.recorded = row.weeks.reduce((s, w) => s + w.recorded, 0);
		row.estimated = row.weeks.reduce((s, w) => s + w.estimated, 0);
		Object.assign(row, flagOf(row.allotted, row.recorded + row.estimated));
		row.assignments.sort((x, y) => (x.validFrom < y.validFrom ? 1 : x.validFrom > y.validFrom ? -1 : 0));
	}

	// Key people at the units the actor manages who have no allotment today in their chain.
	const managed = tree.filter((u) => !u.archivedAt && can(actor, 'capacity.manage', resource(u.id)));
	const keyRoles = await findKeyRoles(
		db,
		opts.organizerId,
		managed.map((u) => u.id),
		today
	);
	const covered = new Set(
		all
			.filter(({ a }) => a.validFrom <= today && (a.validTo === null || a.validTo >= today))
			.map(({ a }) => `${a.personId}|${a.unitId}|${a.chain}`)
	);
	const chainOf = (role: string) => (role === KEY_PERSON_OF.pedagogical ? 'pedagogical' : 'technical');
	const missingRoles = keyRoles.filter((k) => !covered.has(`${k.personId}|${k.unitId}|${chainOf(k.role)}`));
	const names = await shownNamesById(db, {
		actor,
		organizerId: opts.organizerId,
		personIds: missingRoles.map((k) => k.personId),
		via: 'capacity'
	});
	const withoutAllotment = missingRoles
		.map((k) => ({ personName: names.get(k.personId) ?? '', unitName: byId.get(k.unitId!)?.name ?? '', chain: chainOf(k.role) }))
		.sort((x, y) => swedishCompare(x.personName, y.personName) || swedishCompare(x.unitName, y.unitName));

	return {
		weeks: weeks.map((weekStart) => ({ weekStart, week: weekNumber(weekStart) })),
		rows: [...rows.values()].sort((x, y) => swedishCompare(x.personName, y.personName) || x.chain.localeCompare(y.chain)),
		withoutAllotment,
		canCreate: can(actor, 'capacity.manage', { type: 'organizer', organizerId: opts.organizerId })
	};
}

/** Swedish alphabetical order (å, ä, ö last), the same as the lists elsewhere. */
function swedishCompare(a: string, b: string): number {
	const x = swedishSortKey(a);
	const y = swedishSortKey(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

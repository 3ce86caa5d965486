import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db';
import { dutyRoster, people } from '../../db/schema';
import { authorize, can, type Actor } from '../../policies';
import { CHAINS, type Chain } from '../../support/constants';
import { shownNames } from '../../support/privacy/shown-names';
import { eligibleDutyPeople, type DutyPerson } from './duty-people';
import { addWeeks, thisMonday, weekNumber } from './week';

/** Weeks shown: this one and the next eight. */
export const ROSTER_WEEKS = 9;

/** One week of one chain: who is on duty. */
export type RosterWeek = { weekStart: string; week: number; current: boolean; people: { id: string; name: string }[] };
/** The roster as the page shows it: per chain, the weeks, and who may be put on duty (for those who plan it). */
export type DutyRosterView = {
	canEdit: boolean;
	chains: { chain: Chain; weeks: RosterWeek[]; candidates: { id: string; name: string }[] }[];
};

/**
 * The duty roster of this week and the next eight, per chain (qa.take_part reads it; qa.roster may change it and
 * gets the people who may be on duty). Names as the support chain shows them (a protected person by pseudonym).
 */
export async function findDutyRoster(
	db: Db,
	opts: { actor: Actor; organizerId: string; now?: Date; locale?: 'sv' | 'en' }
): Promise<DutyRosterView> {
	authorize(opts.actor, 'qa.take_part', { type: 'knowledge', organizerId: opts.organizerId });
	const canEdit = can(opts.actor, 'qa.roster', { type: 'knowledge', organizerId: opts.organizerId });
	const first = thisMonday(opts.now);
	const mondays = Array.from({ length: ROSTER_WEEKS }, (_, i) => addWeeks(first, i));
	const rows = await db
		.select({
			chain: dutyRoster.chain,
			weekStart: dutyRoster.weekStart,
			id: people.id,
			name: people.name,
			protectedIdentity: people.protectedIdentity,
			nameSort: people.nameSort
		})
		.from(dutyRoster)
		.innerJoin(people, eq(people.id, dutyRoster.personId))
		.where(
			and(
				eq(dutyRoster.organizerId, opts.organizerId),
				gte(dutyRoster.weekStart, first),
				lte(dutyRoster.weekStart, mondays.at(-1)!),
				inArray(dutyRoster.chain, [...CHAINS])
			)
		)
		.orderBy(people.nameSort, people.id);
	const candidates = new Map<Chain, DutyPerson[]>();
	if (canEdit) for (const c of CHAINS) candidates.set(c, await eligibleDutyPeople(db, opts.organizerId, c, opts.now));
	const everyone = [...rows, ...[...candidates.values()].flat()];
	const names = await shownNames(db, {
		actor: opts.actor,
		organizerId: opts.organizerId,
		people: [...new Map(everyone.map((p) => [p.id, p])).values()],
		via: 'qa.roster',
		locale: opts.locale
	});
	const named = (id: string) => ({ id, name: names.get(id) ?? '' });
	return {
		canEdit,
		chains: CHAINS.map((chain) => ({
			chain,
			weeks: mondays.map((weekStart) => ({
				weekStart,
				week: weekNumber(weekStart),
				current: weekStart === first,
				people: rows.filter((r) => r.chain === chain && r.weekStart === weekStart).map((r) => named(r.id))
			})),
			candidates: (candidates.get(chain) ?? []).map((p) => named(p.id))
		}))
	};
}

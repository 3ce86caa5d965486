import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentResponses } from '../../db/schema';
import { can, type Actor } from '../../policies';
import type { Round } from '../rounds/get-round';
import { roundStatus } from '../rounds/round-status';
import { findUnitResources } from '../consensus/find-unit-resources';

/**
 * What an actor may read and write on a round's "Ni sa – vi gör" page:
 * organizer-wide readers see every unit; a unit's team sees its unit at any time; someone who
 * submitted an answer sees that unit once the round has closed. Unit teams write their unit's
 * conclusions, holders of assessment.manage the organizer's.
 */
export async function conclusionAccess(db: Db, actor: Actor, round: Round) {
	const organizerId = round.organizerId;
	const org = { type: 'organizer' as const, organizerId };
	const resources = await findUnitResources(db, organizerId);
	const closed = roundStatus(round) === 'closed';
	const answered = await db
		.selectDistinct({ unitId: assessmentResponses.unitId })
		.from(assessmentResponses)
		.where(
			and(
				eq(assessmentResponses.organizerId, organizerId),
				eq(assessmentResponses.roundId, round.id),
				eq(assessmentResponses.personId, actor.personId),
				isNotNull(assessmentResponses.submittedAt)
			)
		);
	const answeredIds = new Set(answered.map((r) => r.unitId));
	const readAll = can(actor, 'assessment.organizer_report', org);
	const units = round.unitIds
		.flatMap((id) => {
			const u = resources.get(id);
			if (!u) return [];
			const team = can(actor, 'assessment.unit_report', u.resource);
			const visible = readAll || team || (closed && answeredIds.has(id));
			return visible
				? [{ id, name: u.name, nameSort: u.nameSort, canReport: readAll || team, canWrite: can(actor, 'assessment.consensus', u.resource) }]
				: [];
		})
		.sort((a, b) => (a.nameSort < b.nameSort ? -1 : a.nameSort > b.nameSort ? 1 : 0))
		.map(({ nameSort: _s, ...u }) => u);
	return {
		closed,
		units,
		/** Answered, but the round is still open: results come after the close. */
		waiting: !closed && units.length === 0 && answeredIds.size > 0,
		canWriteOrganizer: can(actor, 'assessment.manage', org),
		resources
	};
}

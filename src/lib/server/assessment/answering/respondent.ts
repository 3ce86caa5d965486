/** Who is answering, and the round, unit and perspective they answer for. Internal to the answering domain. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentLinks, assessmentResponses, units } from '../../db/schema';
import { AppError } from '../../errors';
import { ancestorIdsOf } from '../../org/unit-tree';
import { answerPerspectives, authorize, type Actor } from '../../policies';
import { hashToken } from '../../auth/tokens';
import { getRound, requireRoundUnit, type Round } from '../rounds/get-round';
import { roundStatus, type RoundStatus } from '../rounds/round-status';

/**
 * A signed-in person answering as themselves, or a browser holding an anonymous link
 * (and, once it has started, the resume token from its cookie).
 */
export type Respondent =
	| { kind: 'person'; actor: Actor | null; organizerId: string; roundId: string; unitId: string; perspective: string }
	| { kind: 'link'; token: string; resumeToken: string | null };

export type ResponseRow = typeof assessmentResponses.$inferSelect;

export type AnswerContext = {
	organizerId: string;
	round: Round;
	status: RoundStatus;
	unit: { id: string; name: string };
	perspective: string;
	linkId: string | null;
	/** How many submitted responses the link takes (decision 014); null for a signed-in person. */
	linkCapacity: number | null;
	/** Who the audit log names: the signed-in person, never anyone for a link. */
	auditActorId: string | null;
	/** The respondent's own response, if they have started one. */
	response: ResponseRow | null;
};

/** The unit as a policy resource, with its parents, and its name. NOT_FOUND when it is not the organizer's. */
export async function loadUnitResource(db: Db, organizerId: string, unitId: string) {
	const tree = await db
		.select({ id: units.id, parentId: units.parentId, name: units.name })
		.from(units)
		.where(eq(units.organizerId, organizerId));
	const byId = new Map(tree.map((u) => [u.id, u]));
	const unit = byId.get(unitId);
	if (!unit) throw new AppError('NOT_FOUND', 'unit');
	return {
		unit: { id: unit.id, name: unit.name },
		resource: { type: 'unit' as const, organizerId, unitId, ancestorIds: ancestorIdsOf(unitId, byId) }
	};
}

/** The perspectives an actor may answer this round's unit from: their roles' perspectives that the round asks. */
export async function allowedPerspectives(db: Db, actor: Actor | null, round: Round, unitId: string) {
	requireRoundUnit(round, unitId);
	const { unit, resource } = await loadUnitResource(db, round.organizerId, unitId);
	authorize(actor, 'assessment.answer', resource);
	const mine = answerPerspectives(actor, resource).filter((p) => round.perspectives.includes(p));
	if (!mine.length) throw new AppError('FORBIDDEN', 'no perspective in this round');
	return { unit, perspectives: mine };
}

const MAX_TOKEN = 200;

/**
 * Checks who is answering and finds their response. A person must hold a role at the unit that
 * gives the perspective the round asks; a link must exist. Tampered ids and tokens are NOT_FOUND.
 */
export async function resolveRespondent(db: Db, r: Respondent): Promise<AnswerContext> {
	if (r.kind === 'person') {
		const round = await getRound(db, { organizerId: r.organizerId, roundId: r.roundId });
		const { unit, perspectives } = await allowedPerspectives(db, r.actor, round, r.unitId);
		if (!perspectives.includes(r.perspective)) throw new AppError('NOT_FOUND', 'perspective');
		const personId = r.actor!.personId;
		const [response] = await db
			.select()
			.from(assessmentResponses)
			.where(
				and(
					eq(assessmentResponses.organizerId, round.organizerId),
					eq(assessmentResponses.roundId, round.id),
					eq(assessmentResponses.unitId, unit.id),
					eq(assessmentResponses.perspective, r.perspective),
					eq(assessmentResponses.personId, personId)
				)
			);
		return {
			organizerId: round.organizerId,
			round,
			status: roundStatus(round),
			unit,
			perspective: r.perspective,
			linkId: null,
			linkCapacity: null,
			auditActorId: personId,
			response: response ?? null
		};
	}
	if (!r.token || r.token.length > MAX_TOKEN) throw new AppError('NOT_FOUND', 'link');
	const [link] = await db.select().from(assessmentLinks).where(eq(assessmentLinks.token, r.token));
	if (!link) throw new AppError('NOT_FOUND', 'link');
	const round = await getRound(db, { organizerId: link.organizerId, roundId: link.roundId });
	requireRoundUnit(round, link.unitId);
	if (!round.perspectives.includes(link.perspective)) throw new AppError('NOT_FOUND', 'perspective');
	const { unit } = await loadUnitResource(db, link.organizerId, link.unitId);
	let response: ResponseRow | null = null;
	if (r.resumeToken && r.resumeToken.length <= MAX_TOKEN) {
		const [row] = await db
			.select()
			.from(assessmentResponses)
			.where(
				and(
					eq(assessmentResponses.organizerId, link.organizerId),
					eq(assessmentResponses.linkId, link.id),
					eq(assessmentResponses.resumeTokenHash, hashToken(r.resumeToken))
				)
			);
		response = row ?? null;
	}
	return {
		organizerId: link.organizerId,
		round,
		status: roundStatus(round),
		unit,
		perspective: link.perspective,
		linkId: link.id,
		linkCapacity: link.capacity,
		auditActorId: null,
		response
	};
}

/** CONFLICT unless the round takes answers today. */
export function requireOpen(ctx: AnswerContext) {
	if (ctx.status !== 'open') throw new AppError('CONFLICT', 'answer_error_round_not_open');
}

/** The respondent's response, locked for the transaction; CONFLICT once it is submitted. */
export async function lockOpenResponse(tx: Db, ctx: AnswerContext): Promise<ResponseRow> {
	if (!ctx.response) throw new AppError('NOT_FOUND', 'response');
	const [row] = await tx
		.select()
		.from(assessmentResponses)
		.where(and(eq(assessmentResponses.id, ctx.response.id), eq(assessmentResponses.organizerId, ctx.organizerId)))
		.for('update');
	if (!row) throw new AppError('NOT_FOUND', 'response');
	if (row.submittedAt) throw new AppError('CONFLICT', 'answer_error_already_submitted');
	return row;
}

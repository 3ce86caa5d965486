import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentLinks } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { isUuid } from '../../ids';

/** The address a respondent opens for an anonymous link. */
export const linkUrl = (origin: string, token: string) => `${origin.replace(/\/$/, '')}/s/${token}`;

/**
 * The anonymous links of a round, for those who manage rounds (they show and share them).
 * Returns unit id, perspective, token, capacity and when it was made.
 */
export async function findLinks(db: Db, { actor, organizerId, roundId }: { actor: Actor | null; organizerId: string; roundId: string }) {
	authorize(actor, 'assessment.manage', { type: 'organizer', organizerId });
	if (!isUuid(roundId)) return [];
	return db
		.select({
			id: assessmentLinks.id,
			unitId: assessmentLinks.unitId,
			perspective: assessmentLinks.perspective,
			token: assessmentLinks.token,
			capacity: assessmentLinks.capacity,
			createdAt: assessmentLinks.createdAt
		})
		.from(assessmentLinks)
		.where(and(eq(assessmentLinks.organizerId, organizerId), eq(assessmentLinks.roundId, roundId)));
}

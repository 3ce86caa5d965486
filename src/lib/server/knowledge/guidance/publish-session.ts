import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { guidanceSessions, units } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { invalid, parseOrThrow, throwIfIssues } from '../../errors';
import { isUuid } from '../../ids';
import { authorize, type Actor } from '../../policies';
import { checkSession, sessionSchema, type SessionInput } from './session-input';

/**
 * Publishes a bookable session hosted by the actor (guidance.host): one occasion, or a weekly series of
 * `occasions` that share a seriesId (a drop-in such as "Onlinestuga"). INVALID beside the field when the end is not
 * after the start, the first occasion has begun, a 1–1 time has more than one seat, the link is not an http(s)
 * address, nothing says where to meet, or the unit is not one of the organizer's. Audited once for the series.
 * Returns the sessions, first occasion first.
 */
export async function publishSession(db: Db, opts: { actor: Actor; organizerId: string; input: SessionInput; now?: Date }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'guidance.host', { type: 'knowledge', organizerId });
	const input = parseOrThrow(sessionSchema, opts.input);
	const { issues, occasions } = checkSession(input, opts.now ?? new Date());
	throwIfIssues(issues);
	if (input.unitId) {
		const [unit] = isUuid(input.unitId)
			? await db
					.select({ id: units.id })
					.from(units)
					.where(and(eq(units.id, input.unitId), eq(units.organizerId, organizerId), isNull(units.archivedAt)))
			: [];
		if (!unit) throw invalid('unitId', 'guidance_error_unit');
	}
	const seriesId = occasions.length > 1 ? randomUUID() : null;
	return db.transaction(async (tx) => {
		const rows = await tx
			.insert(guidanceSessions)
			.values(
				occasions.map((o) => ({
					organizerId,
					kind: input.kind,
					chain: input.chain,
					title: input.title,
					description: input.description,
					hostId: actor.personId,
					unitId: input.unitId || null,
					place: input.place || null,
					meetingUrl: input.meetingUrl || null,
					startsAt: o.startsAt,
					endsAt: o.endsAt,
					seats: input.seats,
					seriesId
				}))
			)
			.returning();
		rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'guidance_session.publish',
			entityType: 'guidance_session',
			entityId: rows[0].id,
			changes: {
				kind: [null, input.kind],
				title: [null, input.title],
				startsAt: [null, rows[0].startsAt.toISOString()],
				seats: [null, input.seats],
				occasions: [null, rows.length],
				seriesId: [null, seriesId]
			}
		});
		return rows;
	});
}

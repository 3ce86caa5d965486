import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db';
import { apiTokens } from '../../../db/schema';
import { recordAudit } from '../../../audit/record-audit';
import { AppError } from '../../../errors';
import { authorize, type Actor } from '../../../policies';
import { isUuid } from '../../../ids';

/**
 * Revokes a token: from now on it is refused. A personal token only by its person; an organizer token by an
 * administrator of its organizer. Someone else's token, or one of another organizer, is NOT_FOUND.
 */
export async function revokeApiToken(db: Db, opts: { actor: Actor | null; tokenId: string; organizerId?: string }) {
	if (!opts.actor) throw new AppError('UNAUTHENTICATED', 'Inte inloggad');
	const actor = opts.actor;
	if (!isUuid(opts.tokenId)) throw new AppError('NOT_FOUND', 'api_token');
	return db.transaction(async (tx) => {
		const [token] = await tx.select().from(apiTokens).where(eq(apiTokens.id, opts.tokenId)).for('update');
		const mine = token?.kind === 'personal' && token.personId === actor.personId;
		const ofOrganizer = token?.kind === 'organizer' && token.organizerId === opts.organizerId;
		if (!token || !(mine || ofOrganizer)) throw new AppError('NOT_FOUND', 'api_token');
		authorize(actor, token.kind === 'personal' ? 'api.personal_tokens' : 'api.organizer_tokens', {
			type: 'organizer',
			organizerId: token.organizerId
		});
		if (token.revokedAt) return token;
		const [row] = await tx
			.update(apiTokens)
			.set({ revokedAt: new Date() })
			.where(and(eq(apiTokens.id, token.id), isNull(apiTokens.revokedAt)))
			.returning();
		await recordAudit(tx, {
			organizerId: token.organizerId,
			actorId: actor.personId,
			action: 'api_token.revoke',
			entityType: 'api_token',
			entityId: token.id,
			changes: { kind: token.kind, name: token.name }
		});
		return row;
	});
}

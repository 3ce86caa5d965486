import type { Db } from '../../../db';
import { apiTokens } from '../../../db/schema';
import { recordAudit } from '../../../audit/record-audit';
import { parseOrThrow } from '../../../errors';
import { authorize, type Actor } from '../../../policies';
import { hashToken, newToken } from '../../../auth/tokens';
import { scopesFor } from './scopes';
import { apiTokenSchema, type ApiTokenInput } from './token-input';

/** Every secret starts so, which makes a leaked token easy to recognize (secret scanners, logs). */
export const TOKEN_PREFIX = 'rdt_';

const DAY_MS = 86_400_000;

/**
 * Makes an API token at the organizer: a personal one (acting as the actor) or, for an administrator, an organizer
 * one. Only the hash is stored; the secret is returned once, for the page to show. Audited without the secret.
 */
export async function createApiToken(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; kind: 'personal' | 'organizer'; input: ApiTokenInput; now?: Date }
) {
	authorize(opts.actor, opts.kind === 'personal' ? 'api.personal_tokens' : 'api.organizer_tokens', {
		type: 'organizer',
		organizerId: opts.organizerId
	});
	const actor = opts.actor;
	const input = parseOrThrow(apiTokenSchema, opts.input, 'Ogiltig API-nyckel');
	const secret = `${TOKEN_PREFIX}${newToken()}`;
	const now = opts.now ?? new Date();
	const scopes = scopesFor(input);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(apiTokens)
			.values({
				organizerId: opts.organizerId,
				kind: opts.kind,
				personId: opts.kind === 'personal' ? actor.personId : null,
				createdById: actor.personId,
				name: input.name,
				tokenHash: hashToken(secret),
				prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
				scopes,
				expiresAt: input.lifetimeDays ? new Date(now.getTime() + input.lifetimeDays * DAY_MS) : null
			})
			.returning();
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'api_token.create',
			entityType: 'api_token',
			entityId: row.id,
			changes: { kind: row.kind, name: row.name, scopes, expiresAt: row.expiresAt?.toISOString() ?? null }
		});
		return { token: row, secret };
	});
}

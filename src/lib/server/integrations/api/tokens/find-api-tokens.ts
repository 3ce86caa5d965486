import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db';
import { apiTokens, organizers } from '../../../db/schema';
import { authorize, type Actor } from '../../../policies';
import { levelsOf } from './scopes';

const columns = {
	id: apiTokens.id,
	name: apiTokens.name,
	prefix: apiTokens.prefix,
	scopes: apiTokens.scopes,
	expiresAt: apiTokens.expiresAt,
	lastUsedAt: apiTokens.lastUsedAt,
	revokedAt: apiTokens.revokedAt,
	createdAt: apiTokens.createdAt,
	organizerName: organizers.name
};

type TokenListRow = {
	id: string;
	name: string;
	prefix: string;
	scopes: string[];
	expiresAt: Date | null;
	lastUsedAt: Date | null;
	revokedAt: Date | null;
	createdAt: Date;
	organizerName: string;
};

/** A token as the pages list it: never the hash. */
export function presentApiToken(t: TokenListRow, now = new Date()) {
	const state = t.revokedAt ? 'revoked' : t.expiresAt && t.expiresAt <= now ? 'expired' : 'active';
	return {
		id: t.id,
		name: t.name,
		prefix: t.prefix,
		organizerName: t.organizerName,
		levels: levelsOf(t.scopes),
		expiresAt: t.expiresAt?.toISOString() ?? null,
		lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
		createdAt: t.createdAt.toISOString(),
		state
	} as const;
}
export type PresentedApiToken = ReturnType<typeof presentApiToken>;

/** The actor's own personal tokens, at every organizer, newest first. */
export async function findPersonalApiTokens(db: Db, actor: Actor) {
	const rows = await db
		.select(columns)
		.from(apiTokens)
		.innerJoin(organizers, eq(organizers.id, apiTokens.organizerId))
		.where(and(eq(apiTokens.kind, 'personal'), eq(apiTokens.personId, actor.personId)))
		.orderBy(desc(apiTokens.createdAt));
	return rows.map((r) => presentApiToken(r));
}

/** The organizer's own tokens (administrators), newest first. */
export async function findOrganizerApiTokens(db: Db, opts: { actor: Actor | null; organizerId: string }) {
	authorize(opts.actor, 'api.organizer_tokens', { type: 'organizer', organizerId: opts.organizerId });
	const rows = await db
		.select(columns)
		.from(apiTokens)
		.innerJoin(organizers, eq(organizers.id, apiTokens.organizerId))
		.where(and(eq(apiTokens.kind, 'organizer'), eq(apiTokens.organizerId, opts.organizerId)))
		.orderBy(desc(apiTokens.createdAt));
	return rows.map((r) => presentApiToken(r));
}

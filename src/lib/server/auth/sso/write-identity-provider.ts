import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { identityProviders, type IdentityProviderRow } from '../../db/schema';
import { diffFields, recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import type { Actor } from '../../policies';

type ProviderValues = Partial<typeof identityProviders.$inferInsert>;

/**
 * The write both protocols share, after their own checks: inserts a provider of `protocol` for the organizer (no
 * providerId), or locks and changes one of its own of that protocol (anything else is not found); audits
 * sso.provider_create / sso.provider_update with the `audited` fields before and after, plus `extraChanges`.
 */
export async function writeIdentityProvider(
	db: Db,
	o: {
		actor: Actor;
		organizerId: string;
		providerId?: string;
		protocol: 'oidc' | 'saml';
		values: ProviderValues;
		audited: (keyof IdentityProviderRow)[];
		extraChanges?: Record<string, unknown>;
	}
): Promise<IdentityProviderRow> {
	const { actor, organizerId, providerId, protocol } = o;
	return db.transaction(async (tx) => {
		let before: IdentityProviderRow | null = null;
		let row: IdentityProviderRow;
		if (!providerId) {
			[row] = await tx
				.insert(identityProviders)
				.values({ ...o.values, organizerId, protocol } as typeof identityProviders.$inferInsert)
				.returning();
		} else {
			[before] = await tx
				.select()
				.from(identityProviders)
				.where(and(eq(identityProviders.id, providerId), eq(identityProviders.organizerId, organizerId)))
				.for('update');
			if (!before || before.protocol !== protocol) throw new AppError('NOT_FOUND', 'identity provider');
			[row] = await tx
				.update(identityProviders)
				.set({ ...o.values, updatedAt: new Date() })
				.where(eq(identityProviders.id, providerId))
				.returning();
		}
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: before ? 'sso.provider_update' : 'sso.provider_create',
			entityType: 'identity_provider',
			entityId: row.id,
			changes: { ...diffFields(before, row, o.audited), ...o.extraChanges }
		});
		return row;
	});
}

import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { ss12000Configs } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { sealSecret } from '../../crypto/secrets';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { parseSs12000ConfigInput } from './config-input';

/**
 * Creates or changes the organizer's SS 12000 configuration. The secret is sealed and never returned; an empty secret
 * keeps the stored one (but a first configuration needs one). The audit event names the fields changed, never the
 * secret's value.
 */
export async function saveSs12000Config(
	db: Db,
	{ actor, organizerId, values }: { actor: Actor | null; organizerId: string; values: Record<string, unknown> }
) {
	authorize(actor, 'ss12000.manage', { type: 'organizer', organizerId });
	const input = parseSs12000ConfigInput(values);
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(ss12000Configs).where(eq(ss12000Configs.organizerId, organizerId));
		if (!before && !input.secret) throw new AppError('INVALID', 'secret required', [{ field: 'secret', message: 'ss12000_error_secret' }]);
		const row = {
			baseUrl: input.baseUrl,
			authKind: input.authKind,
			tokenUrl: input.authKind === 'oauth2' ? input.tokenUrl : null,
			clientId: input.authKind === 'oauth2' ? input.clientId : null,
			sealedSecret: input.secret ? sealSecret(input.secret) : before!.sealedSecret,
			roleMap: input.roleMap,
			syncGroups: input.syncGroups,
			updatedAt: new Date()
		};
		if (before) await tx.update(ss12000Configs).set(row).where(eq(ss12000Configs.organizerId, organizerId));
		else await tx.insert(ss12000Configs).values({ ...row, organizerId });
		const changes: Record<string, unknown> = {};
		for (const f of ['baseUrl', 'authKind', 'tokenUrl', 'clientId', 'syncGroups'] as const)
			if (before?.[f] !== row[f]) changes[f] = [before?.[f] ?? null, row[f]];
		if (JSON.stringify(before?.roleMap ?? null) !== JSON.stringify(row.roleMap)) changes.roleMap = [before?.roleMap ?? null, row.roleMap];
		if (input.secret) changes.secret = 'changed';
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: before ? 'school_sync.update' : 'school_sync.create',
			entityType: 'ss12000_config',
			entityId: organizerId,
			changes
		});
	});
}

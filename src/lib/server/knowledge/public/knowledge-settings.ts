import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { organizers } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';

/** The organizer's knowledge-base settings (organizers.settings.knowledge). */
export const knowledgeSettingsSchema = z.object({
	/** Articles marked public may be read without signing in, at /hjalp/<organizer>. Off until an administrator turns it on. */
	publicArticles: z.boolean().default(false)
});
export type KnowledgeSettings = z.infer<typeof knowledgeSettingsSchema>;

/** Reads the settings, falling back to the defaults for anything missing or malformed. */
export function parseKnowledgeSettings(raw: unknown): KnowledgeSettings {
	const parsed = knowledgeSettingsSchema.safeParse(raw ?? {});
	return parsed.success ? parsed.data : knowledgeSettingsSchema.parse({});
}

/**
 * Turns public reading of the organizer's public articles on or off (kb.manage), keeping every other settings key.
 * Audited; saving the same value writes nothing.
 */
export async function setPublicArticles(db: Db, { actor, organizerId, allow }: { actor: Actor; organizerId: string; allow: boolean }) {
	authorize(actor, 'kb.manage', { type: 'knowledge', organizerId });
	return db.transaction(async (tx) => {
		const [org] = await tx.select({ settings: organizers.settings }).from(organizers).where(eq(organizers.id, organizerId)).for('update');
		if (!org) throw new AppError('NOT_FOUND', 'Okänd huvudman');
		const before = parseKnowledgeSettings(org.settings.knowledge);
		if (before.publicArticles === allow) return before;
		const next = { ...before, publicArticles: allow };
		await tx
			.update(organizers)
			.set({ settings: { ...org.settings, knowledge: next }, updatedAt: new Date() })
			.where(eq(organizers.id, organizerId));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'kb.settings_update',
			entityType: 'organizer',
			entityId: organizerId,
			changes: { publicArticles: [before.publicArticles, allow] }
		});
		return next;
	});
}

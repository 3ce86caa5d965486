import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { ss12000Configs, ss12000Runs } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { DEFAULT_ROLE_MAP, DUTY_ROLES } from './role-map';

/**
 * What the administration page shows: the configuration without its secret (only whether one is stored), the duty
 * roles with their mapping (the defaults before the first save), a waiting request, and the last ten runs.
 */
export async function getSs12000Overview(db: Db, { actor, organizerId }: { actor: Actor | null; organizerId: string }) {
	authorize(actor, 'ss12000.manage', { type: 'organizer', organizerId });
	const [config] = await db.select().from(ss12000Configs).where(eq(ss12000Configs.organizerId, organizerId));
	const runs = await db
		.select()
		.from(ss12000Runs)
		.where(eq(ss12000Runs.organizerId, organizerId))
		.orderBy(desc(ss12000Runs.startedAt))
		.limit(10);
	const roleMap = config?.roleMap ?? DEFAULT_ROLE_MAP;
	return {
		config: config
			? {
					baseUrl: config.baseUrl,
					authKind: config.authKind,
					tokenUrl: config.tokenUrl ?? '',
					clientId: config.clientId ?? '',
					hasSecret: !!config.sealedSecret,
					syncGroups: config.syncGroups,
					syncedUntil: config.syncedUntil,
					unfinished: config.resume ? { mode: config.resume.mode, phase: config.resume.phase } : null,
					requestedMode: config.requestedMode
				}
			: null,
		roles: DUTY_ROLES.map((duty, i) => ({ field: `role_${i}`, duty, role: roleMap[duty] ?? '' })),
		runs: runs.map((r) => ({
			id: r.id,
			mode: r.mode,
			status: r.status,
			resumed: r.resumed,
			startedAt: r.startedAt,
			finishedAt: r.finishedAt,
			counts: r.counts,
			errors: r.errors.slice(0, 20),
			errorCount: r.errorCount,
			examples: r.examples,
			failure: r.failure
		}))
	};
}

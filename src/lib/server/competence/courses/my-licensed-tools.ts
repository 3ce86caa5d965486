import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { appLicenceAssignments, appLicencePools, appTools } from '../../db/schema';

/**
 * The tools of the app register a person was given a licence to (a current, not ended assignment, decision 057), with
 * their names. Internal to the competence courses: recommendations read the signed-in person's own only.
 */
export async function myLicensedTools(db: Db, o: { organizerId: string; personId: string }): Promise<{ toolId: string; name: string }[]> {
	return db
		.selectDistinct({ toolId: appTools.id, name: appTools.name })
		.from(appLicenceAssignments)
		.innerJoin(appLicencePools, eq(appLicencePools.id, appLicenceAssignments.poolId))
		.innerJoin(appTools, eq(appTools.id, appLicencePools.toolId))
		.where(
			and(
				eq(appLicenceAssignments.organizerId, o.organizerId),
				eq(appLicenceAssignments.personId, o.personId),
				isNull(appLicenceAssignments.endedAt)
			)
		);
}

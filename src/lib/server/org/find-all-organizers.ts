import type { Db } from '../db';
import { organizers } from '../db/schema';
import { authorize, type Actor } from '../policies';

/** Every organizer of the installation, by name, for the system administrator's page. */
export async function findAllOrganizers(db: Db, opts: { actor: Actor | null }) {
	authorize(opts.actor, 'instance.administer', { type: 'instance' });
	const rows = await db
		.select({ slug: organizers.slug, name: organizers.name, kind: organizers.kind, orgNumber: organizers.orgNumber })
		.from(organizers);
	return rows.sort((a, b) => a.name.localeCompare(b.name, 'sv-SE'));
}

import type { Db } from '../db';
import { authorize, can, type Actor } from '../policies';
import { ownCatalogue, rulesOf } from './classification-queries';
import { byAspectAndLevel, SHIPPED_REQUIREMENTS } from './requirement-catalogue';

/**
 * The organizer's requirement catalogue (apps.register), archived entries last, and its rules for the simplified
 * review. While the organizer has changed nothing it is the shipped catalogue (`own` false); `id` is what the edit
 * forms send back either way.
 */
export async function findRequirements(db: Db, opts: { actor: Actor; organizerId: string }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.register', { type: 'apps', organizerId });
	const [own, rules] = await Promise.all([ownCatalogue(db, organizerId), rulesOf(db, organizerId)]);
	const entries = own.length
		? own.map((r) => ({ id: r.id, aspect: r.aspect, minLevel: r.minLevel, text: r.text, archived: r.archivedAt !== null }))
		: SHIPPED_REQUIREMENTS.map((r) => ({ ...r, archived: false }));
	return {
		entries: entries.sort((a, b) => Number(a.archived) - Number(b.archived) || byAspectAndLevel(a, b)),
		own: own.length > 0,
		rules,
		canManage: can(actor, 'apps.manage', { type: 'apps', organizerId })
	};
}

import type { Db } from '../../db';
import type { Actor } from '../../policies';
import { shownNamesById } from '../../support/privacy/shown-names';
import { loadActionForm } from '../load-action-form';
import { getForum } from './get-forum';

/**
 * The forum's change form for those who manage it: its values, and as member choices the organizer's active
 * members plus everyone already on the forum (by their shown names), so saving never drops a member the list
 * would otherwise not show.
 */
export async function loadForumForm(db: Db, opts: { actor: Actor; organizerId: string; forumId: string }) {
	const forum = await getForum(db, { ...opts, need: 'forum.manage' });
	const [options, names] = await Promise.all([
		loadActionForm(db, opts),
		shownNamesById(db, { actor: opts.actor, organizerId: opts.organizerId, personIds: forum.memberIds, via: 'planning' })
	]);
	const members = options.members.map((p) => ({ value: p.id, label: p.name }));
	for (const id of forum.memberIds) if (!members.some((o) => o.value === id)) members.push({ value: id, label: names.get(id) ?? '' });
	return {
		forum: {
			id: forum.id,
			name: forum.name,
			purpose: forum.purpose,
			kind: forum.kind,
			unitName: forum.unitName,
			memberIds: forum.memberIds
		},
		members: members.sort((a, b) => a.label.localeCompare(b.label, 'sv'))
	};
}

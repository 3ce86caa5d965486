import type { Db } from '../../db';
import type { SourceGroup } from './source-types';
import { note, upsertLinks, type SyncContext } from './sync-context';

/**
 * One page of groups, when the organizer syncs them: kept as links with their names (for devices later, issue 17);
 * nothing else in Rödtråd uses groups yet.
 */
export async function applyGroups(tx: Db, ctx: SyncContext, groups: SourceGroup[]) {
	await upsertLinks(
		tx,
		ctx,
		'group',
		groups.map((g) => ({ sourceId: g.id, localId: null, label: `${g.displayName} (${g.groupType})` }))
	);
	note(ctx, 'unchanged', undefined, groups.length);
}

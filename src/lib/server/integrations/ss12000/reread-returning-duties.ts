import type { Db } from '../../db';
import type { Ss12000Client } from './client';
import { applyDuties } from './apply-duties';
import { dutySchema, pageOf } from './source-types';
import type { SyncContext } from './sync-context';

/**
 * The `returning` step of a delta: for each person the source had deleted and now lists again, every page of their
 * duties (`/duties?person=`), applied in one transaction per person with `write` (which saves the resume point), so a
 * failure half-way redoes only what was not written. A duty that did not change is otherwise not in a delta, and the
 * person's role assignments, ended when they were deleted, would come back only at the next full sync.
 */
export async function rereadReturningDuties(
	db: Db,
	ctx: SyncContext,
	client: Ss12000Client,
	write: (tx: Db, remaining: string[]) => Promise<void>
) {
	while (ctx.returning.length > 0) {
		const personId = ctx.returning[0];
		const duties: never[] = [];
		let token: string | null = null;
		do {
			const page = (await client.page('/duties', pageOf(dutySchema), { person: personId }, token)) as {
				data: never[];
				pageToken?: string | null;
			};
			duties.push(...page.data);
			token = page.pageToken ?? null;
		} while (token);
		await db.transaction(async (tx) => {
			await applyDuties(tx, ctx, duties);
			await write(tx, ctx.returning.slice(1));
		});
		ctx.returning.shift();
	}
}

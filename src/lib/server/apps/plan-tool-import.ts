import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appTools, auditEvents } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { readImportFile } from '../imports/read-import-file';
import { getToolImport } from './get-tool-import';
import { planToolRows, type ToolsPlan } from './plan-tool-rows';
import { TOOL_COLUMNS } from './tool-columns';

/** What an applied register import did, as its app_tool.import event records it. */
export type ToolImportResult = { created: number; updated: number; unchanged: number };

/**
 * The preview of a stored register file (apps.manage): each row's outcome against the register as it is now, or,
 * once the file has been imported, what the import did.
 */
export async function planToolImport(
	db: Db,
	opts: { actor: Actor; organizerId: string; batchId: string; forUpdate?: boolean }
): Promise<{ batch: Awaited<ReturnType<typeof getToolImport>>; plan: ToolsPlan | null; result: ToolImportResult | null }> {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	const batch = await getToolImport(db, opts);
	if (batch.status === 'done') {
		const [event] = await db
			.select({ changes: auditEvents.changes })
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, organizerId), eq(auditEvents.entityId, batch.id), eq(auditEvents.action, 'app_tool.import')))
			.orderBy(desc(auditEvents.id))
			.limit(1);
		return { batch, plan: null, result: (event?.changes as ToolImportResult | undefined) ?? null };
	}
	const file = readImportFile(batch.content, TOOL_COLUMNS);
	const query = db.select().from(appTools).where(eq(appTools.organizerId, organizerId));
	const existing = opts.forUpdate ? await query.for('update') : await query;
	return { batch, plan: planToolRows(file.rows, file.names, existing), result: null };
}

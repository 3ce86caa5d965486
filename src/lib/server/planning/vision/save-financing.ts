import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningFinancingRows } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, type FieldIssue } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { FINANCING_ROWS, isPayer } from './financing';
import { organizerPlan } from './organizer-plan';

type Cell = { label: string; payer: string | null; note: string };

/**
 * Saves the whole financing matrix from one form. Fields per row id (a standard key or an own row's id):
 * `payer-<id>` (administration | unit | it | other, empty: not decided), `note-<id>`, for own rows
 * `label-<id>` and `remove-<id>`; a new own row from `label-new`, `payer-new`, `note-new`. Own rows are the
 * organizer's rows in the database, never ids from the form. Bad input: INVALID beside the field, nothing
 * written. Audited once (financing.update) with before/after per changed row.
 */
export async function saveFinancing(db: Db, opts: { actor: Actor; organizerId: string; input: Record<string, string> }) {
	const { actor, organizerId, input } = opts;
	authorize(actor, 'plan.write', organizerPlan(organizerId));
	const v = (k: string) => (input[k] ?? '').trim();
	return db.transaction(async (tx) => {
		const existing = await tx.select().from(planningFinancingRows).where(eq(planningFinancingRows.organizerId, organizerId)).for('update');
		const own = existing.filter((r) => !r.rowKey);
		const issues: FieldIssue[] = [];
		const cell = (id: string, label: string): Cell => {
			const payer = v(`payer-${id}`);
			if (payer && !isPayer(payer)) issues.push({ field: `payer-${id}`, message: 'vision_error_payer' });
			if (v(`note-${id}`).length > 1000) issues.push({ field: `note-${id}`, message: 'error_too_long' });
			return { label, payer: payer || null, note: v(`note-${id}`).slice(0, 1000) };
		};
		const ownLabel = (id: string) => {
			const label = v(`label-${id}`);
			if (!label) issues.push({ field: `label-${id}`, message: 'vision_error_row_label' });
			if (label.length > 120) issues.push({ field: `label-${id}`, message: 'error_too_long' });
			return label;
		};
		const before = new Map<string, Cell>();
		const after = new Map<string, Cell>();
		for (const key of FINANCING_ROWS) {
			const row = existing.find((r) => r.rowKey === key);
			before.set(key, { label: '', payer: row?.payer ?? null, note: row?.note ?? '' });
			after.set(key, cell(key, ''));
		}
		const removed: string[] = [];
		for (const r of own) {
			before.set(r.id, { label: r.label, payer: r.payer, note: r.note });
			if (v(`remove-${r.id}`)) removed.push(r.id);
			else after.set(r.id, cell(r.id, ownLabel(r.id)));
		}
		const adding = !!(v('label-new') || v('payer-new') || v('note-new'));
		if (adding) after.set('new', cell('new', ownLabel('new')));
		if (issues.length) throw new AppError('INVALID', 'financing', issues);

		const changes: Record<string, [Cell | null, Cell | null]> = {};
		for (const id of new Set([...before.keys(), ...after.keys()])) {
			const b = before.get(id) ?? null;
			const a = after.get(id) ?? null;
			if (JSON.stringify(b) !== JSON.stringify(a)) changes[id] = [b, a];
		}
		if (!Object.keys(changes).length) return false;
		for (const key of FINANCING_ROWS) {
			const a = after.get(key)!;
			await tx
				.insert(planningFinancingRows)
				.values({ organizerId, rowKey: key, payer: a.payer, note: a.note, position: FINANCING_ROWS.indexOf(key) })
				.onConflictDoUpdate({
					target: [planningFinancingRows.organizerId, planningFinancingRows.rowKey],
					targetWhere: sql`row_key IS NOT NULL`,
					set: { payer: a.payer, note: a.note }
				});
		}
		for (const r of own) {
			const a = after.get(r.id);
			if (a)
				await tx
					.update(planningFinancingRows)
					.set({ label: a.label, payer: a.payer, note: a.note })
					.where(eq(planningFinancingRows.id, r.id));
		}
		if (removed.length)
			await tx
				.delete(planningFinancingRows)
				.where(
					and(
						eq(planningFinancingRows.organizerId, organizerId),
						isNull(planningFinancingRows.rowKey),
						inArray(planningFinancingRows.id, removed)
					)
				);
		if (adding) {
			const a = after.get('new')!;
			const position = Math.max(FINANCING_ROWS.length, ...existing.map((r) => r.position)) + 1;
			await tx.insert(planningFinancingRows).values({ organizerId, rowKey: null, label: a.label, payer: a.payer, note: a.note, position });
		}
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'financing.update',
			entityType: 'planning_framework',
			entityId: organizerId,
			changes
		});
		return true;
	});
}

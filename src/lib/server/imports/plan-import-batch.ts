import type { Db } from '../db';
import type { Actor } from '../policies';
import { getImportBatch } from './get-import-batch';
import { planPeopleImport, type PeoplePlan } from './plan-people-import';
import { planUnitsImport, type UnitsPlan } from './plan-units-import';

export type ImportPlan = UnitsPlan | PeoplePlan;

/** The preview of a stored batch: what each row would do against the database as it is now. */
export async function planImportBatch(db: Db, opts: { actor: Actor; organizerId: string; batchId: string; forUpdate?: boolean }) {
	const batch = await getImportBatch(db, opts);
	const args = { actor: opts.actor, organizerId: opts.organizerId, text: batch.content };
	const plan: ImportPlan = batch.kind === 'units' ? await planUnitsImport(db, args) : await planPeopleImport(db, args);
	return { batch, plan };
}

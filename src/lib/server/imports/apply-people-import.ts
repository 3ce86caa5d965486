import type { Db } from '../db';
import { authorize, type Actor } from '../policies';
import { createPerson } from '../people/create-person';
import { updatePerson } from '../people/update-person';
import { assignRole } from '../people/assign-role';
import { withRowLine } from './row-failure';
import type { PeoplePlan } from './plan-people-import';

/**
 * Writes the valid rows of a people plan through createPerson, updatePerson and assignRole,
 * in file order. Call it inside the import's transaction: a failure rolls back every row.
 */
export async function applyPeopleImport(tx: Db, opts: { actor: Actor; organizerId: string; plan: PeoplePlan }) {
	const { actor, organizerId, plan } = opts;
	authorize(actor, 'import.run', { type: 'organizer', organizerId });
	const createdIds = new Map<string, string>();
	for (const row of plan.rows) {
		if (row.outcome === 'error' || row.outcome === 'unchanged') continue;
		await withRowLine(row.line, async () => {
			if (row.personAction === 'create') {
				const person = await createPerson(tx, { actor, organizerId, input: row.input! });
				createdIds.set(row.email, person.id);
			} else if (row.personAction === 'update') {
				await updatePerson(tx, { actor, organizerId, personId: row.personId!, input: row.input! });
			}
			if (row.assignsRole && row.role) {
				const personId = row.personId ?? createdIds.get(row.email);
				if (!personId) throw new Error(`people import: no person for line ${row.line}`);
				await assignRole(tx, {
					actor,
					organizerId,
					personId,
					input: { role: row.role, unitId: row.unitId, startsOn: row.startsOn, endsOn: row.endsOn }
				});
			}
		});
	}
}

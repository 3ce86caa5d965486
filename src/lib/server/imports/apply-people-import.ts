import type { Db } from '../db';
import type { PendingRole } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { createPerson } from '../people/create-person';
import { updatePerson } from '../people/update-person';
import { assignRole } from '../people/assign-role';
import { withRowLine } from './row-failure';
import type { PeoplePlan } from './plan-people-import';

/**
 * Writes the valid rows of a people plan through createPerson, updatePerson and assignRole,
 * in file order. Call it inside the import's transaction: a failure rolls back every row.
 * A person who exists elsewhere is invited (decision 018): the roles of all their rows go with the invitation.
 */
export async function applyPeopleImport(tx: Db, opts: { actor: Actor; organizerId: string; plan: PeoplePlan }) {
	const { actor, organizerId, plan } = opts;
	authorize(actor, 'import.run', { type: 'organizer', organizerId });
	const valid = plan.rows.filter((r) => r.outcome !== 'error' && r.outcome !== 'unchanged');
	const invited = new Set(valid.filter((r) => r.personAction === 'invite').map((r) => r.email));
	const rolesOf = (email: string): PendingRole[] =>
		valid.flatMap((r) =>
			r.email === email && r.assignsRole && r.role ? [{ role: r.role, unitId: r.unitId, startsOn: r.startsOn, endsOn: r.endsOn }] : []
		);
	const createdIds = new Map<string, string>();
	for (const row of valid) {
		await withRowLine(row.line, async () => {
			if (row.personAction === 'invite') {
				await createPerson(tx, { actor, organizerId, input: row.input!, roles: rolesOf(row.email) });
				return;
			}
			if (invited.has(row.email)) return;
			if (row.personAction === 'create') {
				const added = await createPerson(tx, { actor, organizerId, input: row.input! });
				if (added.invited) throw new Error(`people import: line ${row.line} was planned as new but the address exists`);
				createdIds.set(row.email, added.person.id);
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

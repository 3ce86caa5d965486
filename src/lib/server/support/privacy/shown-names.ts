import { inArray } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../../db';
import { people } from '../../db/schema';
import { can, type Actor } from '../../policies';
import { recordProtectedViews } from '../../people/record-protected-views';
import { pseudonymNumbers } from './pseudonym-numbers';

/** A person as the support chain knows them before deciding what to show. */
export type NamedPerson = { id: string; name: string; protectedIdentity: boolean };

/** The neutral name of a person with protected identity ("Skyddad person 4711"). */
export function pseudonymLabel(number: number, locale?: 'sv' | 'en'): string {
	return m.privacy_protected_person({ number: String(number) }, locale ? { locale } : undefined);
}

/**
 * Whether the actor reads the real names of people with protected identity in this organizer:
 * organization administrators only (the people pages' rule). Suppliers never do.
 */
export function seesProtectedNames(actor: Actor | null, organizerId: string): boolean {
	return !!actor && can(actor, 'person.view', { type: 'person', organizerId, protectedIdentity: true });
}

/**
 * The names the support chain shows this actor, by person id. A person with protected identity is
 * shown by their pseudonym, except to themselves and to organization administrators — whose look at
 * the real name is audited (person.view_protected, `via`). With `actor` null (mail to others) every
 * protected person is a pseudonym.
 */
export async function shownNames(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; people: NamedPerson[]; via: string; locale?: 'sv' | 'en' }
): Promise<Map<string, string>> {
	const { actor, organizerId } = opts;
	const out = new Map<string, string>();
	const hidden: string[] = [];
	const revealed: string[] = [];
	const admin = seesProtectedNames(actor, organizerId);
	for (const p of opts.people) {
		if (!p.protectedIdentity || p.id === actor?.personId) out.set(p.id, p.name);
		else if (admin) {
			out.set(p.id, p.name);
			revealed.push(p.id);
		} else hidden.push(p.id);
	}
	if (hidden.length) {
		const numbers = await pseudonymNumbers(db, organizerId, hidden);
		for (const id of hidden) out.set(id, pseudonymLabel(numbers.get(id) ?? 0, opts.locale));
	}
	if (admin && revealed.length)
		await recordProtectedViews(db, { actor: actor!, organizerId, personIds: [...new Set(revealed)], via: opts.via });
	return out;
}

/** Looks the people up by id and returns their shown names (see `shownNames`). */
export async function shownNamesById(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; personIds: (string | null | undefined)[]; via: string; locale?: 'sv' | 'en' }
): Promise<Map<string, string>> {
	const ids = [...new Set(opts.personIds.filter((id): id is string => !!id))];
	if (ids.length === 0) return new Map();
	const rows = await db
		.select({ id: people.id, name: people.name, protectedIdentity: people.protectedIdentity })
		.from(people)
		.where(inArray(people.id, ids));
	return shownNames(db, { ...opts, people: rows });
}

import { randomInt } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { protectedPseudonyms } from '../../db/schema';

/** Numbers are drawn from this range, so "Skyddad person 4711" says nothing about order or count. */
const LOWEST = 1000;
const HIGHEST = 9999;

/**
 * The pseudonym number of each person (with protected identity) in the organizer, handing out a
 * random unused number the first time a person is shown. Stable afterwards: the number is stored.
 */
export async function pseudonymNumbers(db: Db, organizerId: string, personIds: string[]): Promise<Map<string, number>> {
	const ids = [...new Set(personIds)];
	const out = new Map<string, number>();
	if (ids.length === 0) return out;
	const read = async () => {
		const rows = await db
			.select({ personId: protectedPseudonyms.personId, number: protectedPseudonyms.number })
			.from(protectedPseudonyms)
			.where(and(eq(protectedPseudonyms.organizerId, organizerId), inArray(protectedPseudonyms.personId, ids)));
		for (const r of rows) out.set(r.personId, r.number);
	};
	await read();
	for (const personId of ids.filter((id) => !out.has(id))) {
		// A drawn number may be taken (or another request may number the same person at once): both
		// conflicts leave the row out, and the next round reads whichever number won.
		for (let tries = 0; tries < 20 && !out.has(personId); tries++) {
			await db
				.insert(protectedPseudonyms)
				.values({ organizerId, personId, number: randomInt(LOWEST, HIGHEST + 1) })
				.onConflictDoNothing();
			const [row] = await db
				.select({ number: protectedPseudonyms.number })
				.from(protectedPseudonyms)
				.where(and(eq(protectedPseudonyms.organizerId, organizerId), eq(protectedPseudonyms.personId, personId)));
			if (row) out.set(personId, row.number);
		}
	}
	return out;
}

import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appClassificationRules, appRequirements, organizers } from '../db/schema';
import { byAspectAndLevel, SHIPPED_REQUIREMENTS, type Requirement } from './requirement-catalogue';
import { DEFAULT_RULES, type SimplifiedRules } from './simplified-review';

export type RequirementRow = typeof appRequirements.$inferSelect;

/** The organizer's own catalogue rows, archived ones too; empty while it still uses the shipped catalogue. */
export async function ownCatalogue(db: Db, organizerId: string): Promise<RequirementRow[]> {
	return db
		.select()
		.from(appRequirements)
		.where(eq(appRequirements.organizerId, organizerId))
		.orderBy(asc(appRequirements.createdAt), asc(appRequirements.id));
}

/** The requirements in force at the organizer: its own active ones once it has a catalogue, the shipped ones before. */
export async function activeCatalogue(db: Db, organizerId: string): Promise<Requirement[]> {
	const own = await ownCatalogue(db, organizerId);
	if (!own.length) return [...SHIPPED_REQUIREMENTS].sort(byAspectAndLevel);
	return own
		.filter((r) => r.archivedAt === null)
		.map((r) => ({ id: r.id, aspect: r.aspect, minLevel: r.minLevel, text: r.text }))
		.sort(byAspectAndLevel);
}

/** The organizer's rules for the simplified review, or the defaults when it has set none. */
export async function rulesOf(db: Db, organizerId: string): Promise<SimplifiedRules> {
	const [row] = await db.select().from(appClassificationRules).where(eq(appClassificationRules.organizerId, organizerId));
	if (!row) return { ...DEFAULT_RULES };
	const { enabled, maxConfidentiality, maxIntegrity, maxAvailability, maxTraceability, personalDataExcludes } = row;
	return { enabled, maxConfidentiality, maxIntegrity, maxAvailability, maxTraceability, personalDataExcludes };
}

/**
 * Gives the organizer its own copy of the shipped catalogue, if it has none yet, inside the caller's transaction. The
 * organizer's row is locked first, so two first changes at once do not copy it twice. Returns the own rows.
 */
export async function ensureOwnCatalogue(tx: Db, organizerId: string): Promise<RequirementRow[]> {
	await tx.select({ id: organizers.id }).from(organizers).where(eq(organizers.id, organizerId)).for('update');
	const own = await ownCatalogue(tx, organizerId);
	if (own.length) return own;
	return tx
		.insert(appRequirements)
		.values(SHIPPED_REQUIREMENTS.map((r) => ({ organizerId, aspect: r.aspect, minLevel: r.minLevel, text: r.text, shippedKey: r.id })))
		.returning();
}

/** One of the organizer's own requirements, by row id or by the key of the shipped entry it was copied from. */
export function findOwn(rows: RequirementRow[], entryId: string): RequirementRow | undefined {
	return rows.find((r) => r.id === entryId || (r.shippedKey !== null && r.shippedKey === entryId));
}

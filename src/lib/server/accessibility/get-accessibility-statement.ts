import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { accessibilityStatements } from '../db/schema';

export type StatementRow = typeof accessibilityStatements.$inferSelect;

/** What an organizer's statement says before anyone has edited it (or when no row exists yet). */
export const defaultStatement = (organizerId: string): StatementRow => ({
	organizerId,
	complianceStatus: 'partial',
	nonCompliantContent: '',
	disproportionateBurden: '',
	feedbackContact: '',
	testMethod: '',
	preparedOn: null,
	reviewedOn: null,
	updatedAt: new Date(0)
});

/**
 * An organizer's accessibility statement. Public by law, so no actor is needed:
 * anyone may read it, signed in or not. An organizer without a row gets the default.
 */
export async function getAccessibilityStatement(db: Db, opts: { organizerId: string }): Promise<StatementRow> {
	const [row] = await db.select().from(accessibilityStatements).where(eq(accessibilityStatements.organizerId, opts.organizerId));
	return row ?? defaultStatement(opts.organizerId);
}

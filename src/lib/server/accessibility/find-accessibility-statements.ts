import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { accessibilityStatements, organizers } from '../db/schema';
import { compareSv } from '../../sort-key';

/**
 * Every organizer with the status and dates of its statement, in Swedish name order,
 * for the public overview. Public by law; organizer names are public too.
 */
export async function findAccessibilityStatements(db: Db) {
	const rows = await db
		.select({
			slug: organizers.slug,
			name: organizers.name,
			complianceStatus: accessibilityStatements.complianceStatus,
			preparedOn: accessibilityStatements.preparedOn,
			reviewedOn: accessibilityStatements.reviewedOn
		})
		.from(organizers)
		.leftJoin(accessibilityStatements, eq(accessibilityStatements.organizerId, organizers.id));
	return rows.map((r) => ({ ...r, complianceStatus: r.complianceStatus ?? 'partial' })).sort((a, b) => compareSv(a.name, b.name));
}

import { findAccessibilityStatements } from '$lib/server/accessibility/find-accessibility-statements';
import type { PageServerLoad } from './$types';

/** Public: Rödtråd's own statement and a list of every organizer's. */
export const load: PageServerLoad = async ({ locals }) => ({
	statements: (await findAccessibilityStatements(locals.db)).map((s) => ({
		slug: s.slug,
		name: s.name,
		complianceStatus: s.complianceStatus,
		reviewedOn: s.reviewedOn
	}))
});

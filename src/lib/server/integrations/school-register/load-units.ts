import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../../db';
import { units } from '../../db/schema';
import type { LocalUnit } from './compare-units';

/** The organizer's units that carry a skolenhetskod (archived too), and which of `codes` belong to other organizers. */
export async function loadUnitsByCode(db: Db, organizerId: string, codes: string[]) {
	const rows = await db
		.select({
			id: units.id,
			name: units.name,
			schoolUnitCode: units.schoolUnitCode,
			schoolTypes: units.schoolTypes,
			archivedAt: units.archivedAt
		})
		.from(units)
		.where(and(eq(units.organizerId, organizerId), isNotNull(units.schoolUnitCode)));
	const local = new Map<string, LocalUnit>(
		rows.map((r) => [
			r.schoolUnitCode!,
			{ id: r.id, name: r.name, schoolUnitCode: r.schoolUnitCode!, schoolTypes: r.schoolTypes, archived: !!r.archivedAt }
		])
	);
	const foreign = codes.length
		? await db
				.select({ code: units.schoolUnitCode })
				.from(units)
				.where(and(ne(units.organizerId, organizerId), inArray(units.schoolUnitCode, codes)))
		: [];
	return { local, foreignCodes: new Set(foreign.map((f) => f.code!)) };
}

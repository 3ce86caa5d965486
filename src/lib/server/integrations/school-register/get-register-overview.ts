import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db';
import { people, schoolRegisterConfigs, schoolRegisterDifferences, schoolRegisterUnits, units } from '../../db/schema';
import { authorize, type Actor } from '../../policies';

/**
 * The register page (decision 055): where the units come from and when they were last checked, the open differences,
 * the last decided ones, and the register's view of the organizer's units (status and visiting address).
 */
export async function getRegisterOverview(db: Db, { actor, organizerId }: { actor: Actor | null; organizerId: string }) {
	authorize(actor, 'school_register.manage', { type: 'organizer', organizerId });
	const [config] = await db.select().from(schoolRegisterConfigs).where(eq(schoolRegisterConfigs.organizerId, organizerId));
	const diffs = await db
		.select({ d: schoolRegisterDifferences, unitName: units.name, decidedByName: people.name })
		.from(schoolRegisterDifferences)
		.leftJoin(units, eq(units.id, schoolRegisterDifferences.unitId))
		.leftJoin(people, eq(people.id, schoolRegisterDifferences.decidedBy))
		.where(and(eq(schoolRegisterDifferences.organizerId, organizerId), ne(schoolRegisterDifferences.status, 'outdated')))
		.orderBy(desc(schoolRegisterDifferences.createdAt))
		.limit(200);
	const present = ({ d, unitName, decidedByName }: (typeof diffs)[number]) => ({
		id: d.id,
		kind: d.kind,
		schoolUnitCode: d.schoolUnitCode,
		unitName,
		current: d.current,
		proposed: d.proposed,
		status: d.status,
		decidedByName,
		decidedAt: d.decidedAt,
		createdAt: d.createdAt
	});
	const registerUnits = await db
		.select({
			schoolUnitCode: schoolRegisterUnits.schoolUnitCode,
			name: schoolRegisterUnits.name,
			status: schoolRegisterUnits.status,
			schoolTypes: schoolRegisterUnits.schoolTypes,
			addresses: schoolRegisterUnits.addresses
		})
		.from(schoolRegisterUnits)
		.where(eq(schoolRegisterUnits.organizerId, organizerId))
		.orderBy(schoolRegisterUnits.name);
	return {
		config: config
			? { source: config.source, sourceValue: config.sourceValue, checkedAt: config.checkedAt, checkError: config.checkError }
			: null,
		open: diffs.filter((x) => x.d.status === 'open').map(present),
		decided: diffs
			.filter((x) => x.d.status !== 'open')
			.slice(0, 20)
			.map(present),
		registerUnits: registerUnits.map((u) => {
			const a = u.addresses.find((x) => x.type === 'BESOKSADRESS') ?? u.addresses[0];
			return {
				schoolUnitCode: u.schoolUnitCode,
				name: u.name,
				status: u.status,
				schoolTypes: u.schoolTypes,
				address: a ? [a.street, [a.postalCode, a.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ') : null
			};
		})
	};
}

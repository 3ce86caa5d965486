// Covers: assignLicences, unassignLicences, getLicencePool, importLicenceUsage's per-user part, findLicenceUse from assignments.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildTool, buildUnit } from '../../../../tests/factories';
import { appLicenceAssignments, auditEvents } from '../db/schema';
import { addLicencePool } from './add-licence-pool';
import { assignLicences } from './assign-licences';
import { findLicenceUse } from './find-licence-use';
import { getLicencePool } from './get-licence-pool';
import { importLicenceUsage } from './import-licence-usage';
import { unassignLicences } from './unassign-licences';

const t = useTestDatabase();
const TODAY = '2026-12-03';
const PERIOD = { periodFrom: '2026-08-01', periodTo: '2026-11-30' };

async function setup() {
	const organizer = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id, name: 'Solbackaskolan' });
	const other = await buildUnit(t.db, { organizerId: organizer.id, name: 'Ekbackens skola' });
	const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: organizer.id }]);
	const principal = await buildActor(t.db, [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]);
	const pupil = (name: string, o: { protectedIdentity?: boolean; unitId?: string } = {}) =>
		buildPerson(t.db, {
			name,
			protectedIdentity: o.protectedIdentity,
			roles: [{ role: 'student', organizerId: organizer.id, unitId: o.unitId ?? unit.id }]
		});
	const pupils = [await pupil('Alva Berg'), await pupil('Bo Ek'), await pupil('Cilla Dahl', { protectedIdentity: true })];
	const elsewhere = await pupil('Dan Fors', { unitId: other.id });
	const tool = await buildTool(t.db, { organizerId: organizer.id, name: `Läsresan ${Date.now()}` });
	const pool = await addLicencePool(t.db, {
		actor: central,
		organizerId: organizer.id,
		input: { toolId: tool.id, unitId: unit.id, seats: '3', validFrom: '2026-08-01', validTo: '2027-01-31', priceSek: '3000' }
	});
	return { organizer, unit, other, central, principal, pupils, elsewhere, tool, pool };
}
const caught = async (p: Promise<unknown>) =>
	(await p.then(() => null).catch((e) => e)) as { code: string; issues: { field: string; message: string }[] };

describe('licences assigned to people', () => {
	it('assigns in bulk, leaves holders alone, refuses more than the seats and people of another unit, and takes back one', async () => {
		const s = await setup();
		const base = { actor: s.central, organizerId: s.organizer.id, poolId: s.pool.id, unitId: s.unit.id, today: TODAY };
		const [alva, bo, cilla] = s.pupils.map((p) => p.id);
		expect(await assignLicences(t.db, { ...base, personIds: [alva, bo] })).toEqual({ assigned: 2, already: 0 });
		expect(await assignLicences(t.db, { ...base, personIds: [alva, cilla] })).toEqual({ assigned: 1, already: 1 });

		const full = await caught(assignLicences(t.db, { ...base, personIds: [s.elsewhere.id] }));
		expect(full.issues).toEqual([{ field: 'personIds', message: 'apps_error_person_unit' }]);
		await unassignLicences(t.db, { actor: s.central, organizerId: s.organizer.id, poolId: s.pool.id, personIds: [bo] });
		const extra = await buildPerson(t.db, { roles: [{ role: 'student', organizerId: s.organizer.id, unitId: s.unit.id }] });
		const extra2 = await buildPerson(t.db, { roles: [{ role: 'student', organizerId: s.organizer.id, unitId: s.unit.id }] });
		const over = await caught(assignLicences(t.db, { ...base, personIds: [extra.id, extra2.id] }));
		expect(over.issues).toEqual([{ field: 'personIds', message: 'apps_error_seats_full' }]);
		const dates = await caught(assignLicences(t.db, { ...base, personIds: [extra.id], validFrom: '2026-12-10', validTo: '2026-12-01' }));
		expect(dates.issues).toEqual([{ field: 'validTo', message: 'apps_error_ends_before_start' }]);

		const held = await t.db
			.select({
				personId: appLicenceAssignments.personId,
				endedAt: appLicenceAssignments.endedAt,
				validFrom: appLicenceAssignments.validFrom
			})
			.from(appLicenceAssignments)
			.where(eq(appLicenceAssignments.poolId, s.pool.id));
		expect(
			held
				.filter((h) => !h.endedAt)
				.map((h) => h.personId)
				.sort()
		).toEqual([alva, cilla].sort());
		expect(held.find((h) => h.personId === bo)?.endedAt).not.toBeNull();
		expect(held.every((h) => h.validFrom === TODAY)).toBe(true);
		const audits = await t.db
			.select({ action: auditEvents.action })
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, s.pool.id)));
		expect(audits.map((a) => a.action).sort()).toEqual(['app_licence.assign', 'app_licence.assign', 'app_licence.unassign']);

		// A principal reads the list — the pupil with protected identity by a pseudonym — but may not assign.
		const page = await getLicencePool(t.db, { actor: s.principal, organizerId: s.organizer.id, poolId: s.pool.id });
		expect(page.assignments.map((a) => a.name)).toContain('Alva Berg');
		expect(page.assignments.map((a) => a.name)).not.toContain('Cilla Dahl');
		expect(page.free).toBe(1);
		expect((await caught(assignLicences(t.db, { ...base, actor: s.principal, personIds: [bo] }))).code).toBe('FORBIDDEN');
	});

	it('imports per-user use from a BOL-style file and counts the pool from its assignments, flagging unused ones before renewal', async () => {
		const s = await setup();
		const [alva, bo, cilla] = s.pupils;
		await assignLicences(t.db, {
			actor: s.central,
			organizerId: s.organizer.id,
			poolId: s.pool.id,
			unitId: s.unit.id,
			personIds: [alva.id, bo.id, cilla.id],
			today: TODAY
		});
		const bol = {
			tool: s.tool.name,
			users: [
				{ user: alva.email.toUpperCase(), used: true, validFrom: '2026-08-15', validTo: '2027-01-31' },
				{ user: bo.email, used: false },
				{ user: cilla.email, used: 0 }
			],
			schoolUnits: [{ schoolUnitCode: 'Solbackaskolan', total: 3, assigned: 3, used: 1 }]
		};
		const result = await importLicenceUsage(t.db, {
			actor: s.central,
			organizerId: s.organizer.id,
			text: JSON.stringify(bol),
			input: PERIOD
		});
		expect(result).toEqual({ imported: 4, problems: [] });

		const { pools } = await findLicenceUse(t.db, { actor: s.principal, organizerId: s.organizer.id, today: TODAY });
		const pool = pools.find((p) => p.id === s.pool.id)!;
		expect(pool).toMatchObject({
			perUser: true,
			assigned: 3,
			used: 1,
			unusedAssigned: 2,
			unusedBeforeRenewal: true,
			costPerActiveUser: 3000
		});
		expect(pool.units).toEqual([{ name: 'Solbackaskolan', assigned: 3, used: 1 }]);
		const page = await getLicencePool(t.db, { actor: s.central, organizerId: s.organizer.id, poolId: s.pool.id });
		expect(page.assignments.find((a) => a.personId === alva.id)).toMatchObject({
			used: true,
			validFrom: '2026-08-15',
			validTo: '2027-01-31'
		});
	});

	it('refuses a per-user file naming an unknown tool, an unknown person or one without a licence, entry by entry, writing nothing', async () => {
		const s = await setup();
		const [alva, bo] = s.pupils;
		await assignLicences(t.db, {
			actor: s.central,
			organizerId: s.organizer.id,
			poolId: s.pool.id,
			unitId: s.unit.id,
			personIds: [alva.id],
			today: TODAY
		});
		const bol = {
			tool: s.tool.name,
			users: [
				{ user: alva.email, used: true },
				{ user: 'ingen@exempel.se', used: true },
				{ user: bo.email, used: true },
				{ tool: 'Finns inte', user: alva.email, used: true },
				{ user: alva.email, used: 'ja' }
			]
		};
		const result = await importLicenceUsage(t.db, {
			actor: s.central,
			organizerId: s.organizer.id,
			text: JSON.stringify(bol),
			input: PERIOD
		});
		expect(result.imported).toBe(0);
		expect(result.problems).toEqual([{ key: 'apps_usage_error_user_used', line: 5, value: alva.email }]);
		bol.users.pop();
		const again = await importLicenceUsage(t.db, {
			actor: s.central,
			organizerId: s.organizer.id,
			text: JSON.stringify(bol),
			input: PERIOD
		});
		expect(again.problems).toEqual([
			{ key: 'apps_usage_error_person', line: 2, value: 'ingen@exempel.se' },
			{ key: 'apps_usage_error_not_assigned', line: 3, value: `${bo.email}, ${s.tool.name}` },
			{ key: 'apps_usage_error_tool', line: 4, value: 'Finns inte' }
		]);
		const [row] = await t.db.select().from(appLicenceAssignments).where(eq(appLicenceAssignments.personId, alva.id));
		expect(row.used).toBeNull();
	});
});

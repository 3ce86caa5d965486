// Covers: previewRegisterImport, applyRegisterImport, checkSchoolRegister, checkSchoolRegisterNow, decideRegisterDifference, getRegisterOverview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrgAdmin, buildUnit } from '../../../../../tests/factories';
import { seedRegister, startSchoolRegisterFixture, type FixtureServer } from '../../../../../tests/school-register-fixture-server';
import { auditEvents, outbox, people, schoolRegisterConfigs, schoolRegisterDifferences, schoolRegisterUnits, units } from '../../db/schema';
import { AppError } from '../../errors';
import { applyRegisterImport } from './apply-register-import';
import { checkSchoolRegister, checkSchoolRegisterNow } from './check-school-register';
import { decideRegisterDifference } from './decide-register-difference';
import { getRegisterOverview } from './get-register-overview';
import { previewRegisterImport } from './preview-register-import';

const t = useTestDatabase();

const failure = async (p: Promise<unknown>) => {
	try {
		await p;
	} catch (e) {
		return e as AppError;
	}
	throw new Error('expected a failure');
};

const unitsOf = (organizerId: string) =>
	t.db
		.select({
			id: units.id,
			name: units.name,
			code: units.schoolUnitCode,
			schoolTypes: units.schoolTypes,
			archivedAt: units.archivedAt,
			parentId: units.parentId
		})
		.from(units)
		.where(eq(units.organizerId, organizerId));

describe("Skolverket's school-unit register against the local fixture", () => {
	let fixture: FixtureServer;
	let s: Awaited<ReturnType<typeof buildOrgAdmin>>;
	let orgNumber: string;
	const municipality = '9' + String(Math.floor(Math.random() * 900) + 100);

	beforeAll(async () => {
		orgNumber = String(2120000000 + Math.floor(Math.random() * 9999999));
		s = await buildOrgAdmin(t.db, { orgNumber, municipalityCode: municipality });
		fixture = await startSchoolRegisterFixture(seedRegister(orgNumber, municipality, 3));
	});
	afterAll(() => fixture.close());

	const values = () => ({ source: 'org_number', value: `${orgNumber.slice(0, 6)}-${orgNumber.slice(6)}` });
	const own = () => fixture.state.units.filter((u) => u.organizationNumber === orgNumber);

	it('previews the units an import would create, with mapped school types and the visiting address, and writes nothing', async () => {
		const preview = await previewRegisterImport(t.db, {
			actor: s.actor,
			organizerId: s.organizer.id,
			values: values(),
			baseUrl: fixture.url
		});
		expect(preview.rows.map((r) => r.action)).toEqual(['create', 'create', 'create']);
		const first = preview.rows.find((r) => r.schoolUnitCode === own()[0].schoolUnitCode)!;
		expect(first.schoolTypes).toEqual(['FKLASS', 'GR', 'GRS']);
		expect(first.address).toBe('Skolvägen 1, 123 45 Exempelby');
		expect(await unitsOf(s.organizer.id)).toEqual([]);
		expect(await t.db.select().from(schoolRegisterConfigs).where(eq(schoolRegisterConfigs.organizerId, s.organizer.id))).toEqual([]);
	});

	it("by municipality code takes only the municipality's own units, not the independent school in it", async () => {
		const preview = await previewRegisterImport(t.db, {
			actor: s.actor,
			organizerId: s.organizer.id,
			values: { source: 'municipality', value: municipality },
			baseUrl: fixture.url
		});
		expect(preview.rows.map((r) => r.name).sort()).toEqual(['Registerskolan 1', 'Registerskolan 2', 'Registerskolan 3']);
	});

	it('refuses a wrong number beside the field, and a register answer that does not parse, without writing', async () => {
		const bad = await failure(
			previewRegisterImport(t.db, {
				actor: s.actor,
				organizerId: s.organizer.id,
				values: { source: 'org_number', value: '123' },
				baseUrl: fixture.url
			})
		);
		expect(bad.issues).toEqual([{ field: 'value', message: 'register_error_org_number' }]);
		fixture.state.broken = true;
		try {
			const e = await failure(
				applyRegisterImport(t.db, { actor: s.actor, organizerId: s.organizer.id, values: values(), baseUrl: fixture.url })
			);
			expect(e.issues).toEqual([{ field: 'value', message: 'register_error_fetch_malformed' }]);
		} finally {
			fixture.state.broken = false;
		}
		expect(await unitsOf(s.organizer.id)).toEqual([]);
		const down = await failure(
			previewRegisterImport(t.db, { actor: s.actor, organizerId: s.organizer.id, values: values(), baseUrl: 'http://127.0.0.1:9' })
		);
		expect(down.issues[0].message).toBe('register_error_fetch_network');
	});

	it('is for organization administrators of the organizer only', async () => {
		const staff = await buildActor(t.db, [{ role: 'staff', organizerId: s.organizer.id }]);
		const other = await buildOrgAdmin(t.db);
		for (const actor of [staff, other.actor])
			expect(
				(await failure(previewRegisterImport(t.db, { actor, organizerId: s.organizer.id, values: values(), baseUrl: fixture.url }))).code
			).toBe('FORBIDDEN');
		expect(
			(await failure(previewRegisterImport(t.db, { actor: null, organizerId: s.organizer.id, values: values(), baseUrl: fixture.url })))
				.code
		).toBe('UNAUTHENTICATED');
	});

	it('imports in one transaction: creates the units, keeps status and addresses, updates on a second run, audits', async () => {
		const counts = await applyRegisterImport(t.db, { actor: s.actor, organizerId: s.organizer.id, values: values(), baseUrl: fixture.url });
		expect(counts).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 0 });
		const mine = await unitsOf(s.organizer.id);
		expect(mine.map((u) => u.code).sort()).toEqual(
			own()
				.map((u) => u.schoolUnitCode)
				.sort()
		);
		expect(mine.every((u) => u.parentId === null && u.archivedAt === null)).toBe(true);
		const snapshot = await t.db.select().from(schoolRegisterUnits).where(eq(schoolRegisterUnits.organizerId, s.organizer.id));
		expect(snapshot).toHaveLength(3);
		expect(snapshot[0].addresses.map((a) => a.type)).toEqual(['BESOKSADRESS', 'POSTADRESS']);
		const [config] = await t.db.select().from(schoolRegisterConfigs).where(eq(schoolRegisterConfigs.organizerId, s.organizer.id));
		expect(config).toMatchObject({ source: 'org_number', sourceValue: orgNumber });
		const audit = await t.db
			.select({ action: auditEvents.action })
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, s.organizer.id), inArray(auditEvents.action, ['unit.create', 'school_register.import'])));
		expect(audit.filter((a) => a.action === 'unit.create')).toHaveLength(3);
		expect(audit.filter((a) => a.action === 'school_register.import')).toHaveLength(1);

		// A rename here is put back by the next import; nothing is removed.
		await t.db.update(units).set({ name: 'Eget namn' }).where(eq(units.schoolUnitCode, own()[1].schoolUnitCode));
		const again = await applyRegisterImport(t.db, { actor: s.actor, organizerId: s.organizer.id, values: values(), baseUrl: fixture.url });
		expect(again).toEqual({ created: 0, updated: 1, unchanged: 2, skipped: 0 });
		expect((await unitsOf(s.organizer.id)).find((u) => u.code === own()[1].schoolUnitCode)?.name).toBe('Registerskolan 2');
	});

	it("does not take a code that is another organizer's unit", async () => {
		const other = await buildOrgAdmin(t.db);
		const theirs = await buildUnit(t.db, { organizerId: other.organizer.id });
		fixture.state.units.push({ ...own()[0], schoolUnitCode: theirs.schoolUnitCode!, name: 'Deras skola' });
		try {
			const preview = await previewRegisterImport(t.db, {
				actor: s.actor,
				organizerId: s.organizer.id,
				values: values(),
				baseUrl: fixture.url
			});
			expect(preview.rows.find((r) => r.schoolUnitCode === theirs.schoolUnitCode)?.action).toBe('conflict');
			const check = await checkSchoolRegister(t.db, { organizerId: s.organizer.id, baseUrl: fixture.url });
			expect(check.found).toBe(0);
		} finally {
			fixture.state.units.pop();
		}
	});

	describe('the daily check', () => {
		let newCode: string;
		beforeAll(async () => {
			const [a, b, c] = own();
			a.name = 'Registerskolan Ett';
			b.status = 'UPPHORT';
			c.schoolTypes = ['GY', 'VUX'];
			newCode = String(Number(c.schoolUnitCode) + 100);
			fixture.state.units.push({ ...c, schoolUnitCode: newCode, name: 'Nya skolan', schoolTypes: ['GR'], status: 'PLANERAD' });
		});

		const openDiffs = () =>
			t.db
				.select()
				.from(schoolRegisterDifferences)
				.where(and(eq(schoolRegisterDifferences.organizerId, s.organizer.id), eq(schoolRegisterDifferences.status, 'open')));

		it('stores a new unit, a closed one, a renamed one and changed school types, once, and mails the administrators', async () => {
			const first = await checkSchoolRegister(t.db, { organizerId: s.organizer.id, baseUrl: fixture.url });
			expect(first).toMatchObject({ found: 4, added: 4 });
			const diffs = await openDiffs();
			expect(diffs.map((d) => d.kind).sort()).toEqual(['closed', 'new', 'renamed', 'school_types']);
			expect(diffs.find((d) => d.kind === 'school_types')?.proposed).toEqual({ schoolTypes: ['GY', 'VUX'] });
			const again = await checkSchoolRegister(t.db, { organizerId: s.organizer.id, baseUrl: fixture.url });
			expect(again).toMatchObject({ found: 4, added: 0, outdated: 0 });
			expect(await openDiffs()).toHaveLength(4);
			const mail = await t.db.select().from(outbox).where(eq(outbox.organizerId, s.organizer.id));
			const [admin] = await t.db.select({ email: people.email }).from(people).where(eq(people.id, s.actor.personId));
			expect(mail.map((x) => x.toAddress)).toEqual([admin.email]);
			expect(mail[0].body).toContain('/admin/skolenhetsregistret');
			const [config] = await t.db.select().from(schoolRegisterConfigs).where(eq(schoolRegisterConfigs.organizerId, s.organizer.id));
			expect(config.checkedAt).not.toBeNull();
			expect(config.checkError).toBeNull();
		});

		it('notes a failed check on the configuration and leaves the differences alone', async () => {
			fixture.state.broken = true;
			try {
				const result = await checkSchoolRegister(t.db, { organizerId: s.organizer.id, baseUrl: fixture.url });
				expect(result.error).toMatch(/unexpected answer/);
				expect(
					(await failure(checkSchoolRegisterNow(t.db, { actor: s.actor, organizerId: s.organizer.id, baseUrl: fixture.url }))).issues[0]
						.message
				).toBe('register_error_check');
			} finally {
				fixture.state.broken = false;
			}
			expect(await openDiffs()).toHaveLength(4);
		});

		it('accepting applies each change the way the unit pages do, audited; dismissing keeps it from coming back', async () => {
			const diffs = await openDiffs();
			const byKind = (k: string) => diffs.find((d) => d.kind === k)!;
			for (const kind of ['closed', 'renamed', 'new'])
				await decideRegisterDifference(t.db, {
					actor: s.actor,
					organizerId: s.organizer.id,
					differenceId: byKind(kind).id,
					decision: 'accept'
				});
			await decideRegisterDifference(t.db, {
				actor: s.actor,
				organizerId: s.organizer.id,
				differenceId: byKind('school_types').id,
				decision: 'dismiss'
			});

			const mine = await unitsOf(s.organizer.id);
			const [a, b, c] = own();
			expect(mine.find((u) => u.code === a.schoolUnitCode)?.name).toBe('Registerskolan Ett');
			expect(mine.find((u) => u.code === b.schoolUnitCode)?.archivedAt).not.toBeNull();
			expect(mine.find((u) => u.code === newCode)).toMatchObject({ name: 'Nya skolan', schoolTypes: ['GR'] });
			expect(mine.find((u) => u.code === c.schoolUnitCode)?.schoolTypes).toEqual(['GY']);

			const audit = await t.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.organizerId, s.organizer.id));
			const actions = audit.map((x) => x.action);
			expect(actions.filter((x) => x === 'school_register.accept')).toHaveLength(3);
			expect(actions).toContain('school_register.dismiss');
			expect(actions).toContain('unit.archive');
			expect(actions).toContain('unit.update');

			const second = await failure(
				decideRegisterDifference(t.db, {
					actor: s.actor,
					organizerId: s.organizer.id,
					differenceId: byKind('renamed').id,
					decision: 'accept'
				})
			);
			expect(second.code).toBe('CONFLICT');
			const other = await buildOrgAdmin(t.db);
			expect(
				(
					await failure(
						decideRegisterDifference(t.db, {
							actor: other.actor,
							organizerId: other.organizer.id,
							differenceId: byKind('new').id,
							decision: 'accept'
						})
					)
				).code
			).toBe('NOT_FOUND');

			const check = await checkSchoolRegister(t.db, { organizerId: s.organizer.id, baseUrl: fixture.url });
			expect(check.added).toBe(0);
			expect(await openDiffs()).toEqual([]);

			const overview = await getRegisterOverview(t.db, { actor: s.actor, organizerId: s.organizer.id });
			expect(overview.open).toEqual([]);
			expect(overview.decided.map((d) => d.status).sort()).toEqual(['accepted', 'accepted', 'accepted', 'dismissed']);
			expect(overview.registerUnits.find((u) => u.schoolUnitCode === b.schoolUnitCode)?.status).toBe('UPPHORT');
		});

		it('marks an open difference outdated when the unit and the register agree again before anyone decided', async () => {
			const [a] = own();
			a.name = 'Registerskolan Ettan';
			await checkSchoolRegister(t.db, { organizerId: s.organizer.id, baseUrl: fixture.url });
			const [open] = await openDiffs();
			expect(open).toMatchObject({ kind: 'renamed', proposed: { name: 'Registerskolan Ettan' } });
			await t.db.update(units).set({ name: 'Registerskolan Ettan' }).where(eq(units.schoolUnitCode, a.schoolUnitCode));
			expect(await checkSchoolRegister(t.db, { organizerId: s.organizer.id, baseUrl: fixture.url })).toMatchObject({ outdated: 1 });
			expect(await openDiffs()).toEqual([]);
		});

		it('reports an active unit the register no longer lists for the organizer; accepting archives it; an empty answer reports none', async () => {
			const moved = await buildUnit(t.db, { organizerId: s.organizer.id, name: 'Överlämnade skolan' });
			const kept = fixture.state.units.splice(0);
			try {
				expect(await checkSchoolRegister(t.db, { organizerId: s.organizer.id, baseUrl: fixture.url })).toMatchObject({ found: 0 });
			} finally {
				fixture.state.units.push(...kept);
			}
			// Earlier tests may have left units of their own that the register never listed: find this one.
			expect((await checkSchoolRegister(t.db, { organizerId: s.organizer.id, baseUrl: fixture.url })).added).toBeGreaterThanOrEqual(1);
			const left = (await openDiffs()).find((d) => d.unitId === moved.id)!;
			expect(left).toMatchObject({ kind: 'left', schoolUnitCode: moved.schoolUnitCode, current: { name: 'Överlämnade skolan' } });
			await decideRegisterDifference(t.db, { actor: s.actor, organizerId: s.organizer.id, differenceId: left.id, decision: 'accept' });
			const [unit] = await t.db.select({ archivedAt: units.archivedAt }).from(units).where(eq(units.id, moved.id));
			expect(unit.archivedAt).not.toBeNull();
			await checkSchoolRegister(t.db, { organizerId: s.organizer.id, baseUrl: fixture.url });
			expect((await openDiffs()).some((d) => d.unitId === moved.id)).toBe(false);
		});
	});
});

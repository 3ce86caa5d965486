// Covers: setDutyRoster, findDutyRoster.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrgAdmin, buildUnit } from '../../../../../tests/factories';
import { auditEvents } from '../../db/schema';
import { findDutyRoster, ROSTER_WEEKS } from './find-duty-roster';
import { setDutyRoster } from './set-duty-roster';
import { addWeeks, thisMonday } from './week';

const t = useTestDatabase();
const failure = async (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e: { code?: string; issues?: unknown }) => ({ code: e.code, issues: e.issues })
	);

async function setUp() {
	const { organizer, actor: admin } = await buildOrgAdmin(t.db);
	const organizerId = organizer.id;
	const unit = await buildUnit(t.db, { organizerId });
	return {
		organizerId,
		admin,
		pedKey: await buildActor(t.db, [{ role: 'pedagogical_key_person', organizerId, unitId: unit.id }], { name: 'Petra Pedagog' }),
		techKey: await buildActor(t.db, [{ role: 'technical_key_person', organizerId, unitId: unit.id }], { name: 'Tore Tekniker' }),
		central: await buildActor(t.db, [{ role: 'central_pedagogical_support', organizerId }], { name: 'Cilla Central' }),
		staff: await buildActor(t.db, [{ role: 'staff', organizerId, unitId: unit.id }], { name: 'Sara Lärare' }),
		hidden: await buildActor(t.db, [{ role: 'pedagogical_key_person', organizerId, unitId: unit.id }], {
			name: 'Hemlig Nyckel',
			protectedIdentity: true
		})
	};
}

describe('the duty roster', () => {
	it('lets central support plan several people for a week of a chain, shown this week and the next eight', async () => {
		const s = await setUp();
		const monday = thisMonday();
		const next = addWeeks(monday, 1);
		const set = (weekStart: string, personIds: string[]) =>
			setDutyRoster(t.db, { actor: s.central, organizerId: s.organizerId, chain: 'pedagogical', weekStart, personIds });
		expect(await set(monday, [s.pedKey.personId, s.central.personId])).toEqual({
			added: [s.pedKey.personId, s.central.personId],
			removed: []
		});
		expect(await set(next, [s.pedKey.personId])).toMatchObject({ added: [s.pedKey.personId] });
		expect(await set(next, [])).toEqual({ added: [], removed: [s.pedKey.personId] });

		const view = await findDutyRoster(t.db, { actor: s.staff, organizerId: s.organizerId });
		expect(view.canEdit).toBe(false);
		const ped = view.chains.find((c) => c.chain === 'pedagogical')!;
		expect(ped.weeks).toHaveLength(ROSTER_WEEKS);
		expect(ped.weeks[0]).toMatchObject({ weekStart: monday, current: true });
		expect(ped.weeks[0].people.map((p) => p.name)).toEqual(['Cilla Central', 'Petra Pedagog']);
		expect(ped.weeks[1].people).toEqual([]);
		expect(ped.candidates).toEqual([]);
		expect(view.chains.find((c) => c.chain === 'technical')!.weeks[0].people).toEqual([]);

		const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'qa_roster.set'));
		expect(audits.filter((a) => a.organizerId === s.organizerId)).toHaveLength(3);
	});

	it('offers only key people and central support of the chain, a protected one by pseudonym', async () => {
		const s = await setUp();
		const view = await findDutyRoster(t.db, { actor: s.admin, organizerId: s.organizerId });
		expect(view.canEdit).toBe(true);
		const names = (chain: string) => view.chains.find((c) => c.chain === chain)!.candidates.map((p) => p.name);
		expect(names('technical')).toEqual(['Tore Tekniker']);
		expect(names('pedagogical')).toEqual(expect.arrayContaining(['Cilla Central', 'Petra Pedagog']));
		expect(names('pedagogical')).toHaveLength(3);
		expect(names('pedagogical')).not.toContain('Sara Lärare');
	});

	it('refuses people without a role of the chain, a day that is not a Monday, and planners without the right', async () => {
		const s = await setUp();
		const set = (o: Partial<Parameters<typeof setDutyRoster>[1]>) =>
			failure(
				setDutyRoster(t.db, {
					actor: s.admin,
					organizerId: s.organizerId,
					chain: 'technical',
					weekStart: thisMonday(),
					personIds: [],
					...o
				})
			);
		expect(await set({ personIds: [s.staff.personId] })).toEqual({
			code: 'INVALID',
			issues: [{ field: 'personIds', message: 'qa_error_not_eligible' }]
		});
		expect(await set({ personIds: [s.pedKey.personId] })).toMatchObject({ code: 'INVALID' });
		expect(await set({ weekStart: '2026-12-01' /* a Tuesday */ })).toMatchObject({
			code: 'INVALID',
			issues: [{ field: 'weekStart' }]
		});
		expect(await set({ chain: 'annat' })).toMatchObject({ code: 'INVALID', issues: [{ field: 'chain' }] });
		expect(await set({ actor: s.techKey, personIds: [s.techKey.personId] })).toMatchObject({ code: 'FORBIDDEN' });
		expect(await set({ actor: s.staff })).toMatchObject({ code: 'FORBIDDEN' });
	});
});

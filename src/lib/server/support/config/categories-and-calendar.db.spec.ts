// Covers: addSuggestedCategories, createCategory, setCategoryArchived, updateCategory, getCategory, addCalendarPeriod, findCalendarPeriods, removeCalendarPeriod.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrgAdmin } from '../../../../../tests/factories';
import { auditEvents, supportCalendarDays, supportCategories } from '../../db/schema';
import { addSuggestedCategories, createCategory } from './create-category';
import { setCategoryArchived, updateCategory } from './update-category';
import { getCategory } from './get-category';
import { addCalendarPeriod, findCalendarPeriods, removeCalendarPeriod } from './calendar-days';

const t = useTestDatabase();
const categoriesOf = (organizerId: string) => t.db.select().from(supportCategories).where(eq(supportCategories.organizerId, organizerId));
const daysOf = (organizerId: string) => t.db.select().from(supportCalendarDays).where(eq(supportCalendarDays.organizerId, organizerId));

describe('support categories', () => {
	it('are added per chain, edited, archived and restored, each step audited', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const cat = await createCategory(t.db, { actor, organizerId: organizer.id, input: { chain: 'technical', name: 'Interaktiv tavla' } });
		const opts = { actor, organizerId: organizer.id, categoryId: cat.id };
		expect(await updateCategory(t.db, { ...opts, input: { name: 'Interaktiv skärm', deviceRelated: true } })).toMatchObject({
			name: 'Interaktiv skärm',
			deviceRelated: true
		});
		await setCategoryArchived(t.db, { ...opts, archive: true });
		expect((await getCategory(t.db, opts)).archivedAt).not.toBeNull();
		await setCategoryArchived(t.db, { ...opts, archive: false });
		const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, cat.id));
		expect(audit.map((a) => a.action)).toEqual([
			'support.category_create',
			'support.category_update',
			'support.category_archive',
			'support.category_restore'
		]);
		expect(audit[1].changes).toEqual({ name: ['Interaktiv tavla', 'Interaktiv skärm'], deviceRelated: [false, true] });
	});

	it('refuse a missing name or an unknown chain and write nothing', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const err = await createCategory(t.db, { actor, organizerId: organizer.id, input: { chain: 'ekonomi' as never, name: '' } }).catch(
			(e) => e
		);
		expect(err.issues).toEqual([
			{ field: 'chain', message: 'support_error_choose_chain' },
			{ field: 'name', message: 'supportadmin_error_name_required' }
		]);
		expect(await categoriesOf(organizer.id)).toEqual([]);
	});

	it('of another organizer are NOT_FOUND and stay as they were', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const other = await buildOrgAdmin(t.db);
		const foreign = await createCategory(t.db, {
			actor: other.actor,
			organizerId: other.organizer.id,
			input: { chain: 'technical', name: 'Skrivare' }
		});
		const opts = { actor, organizerId: organizer.id, categoryId: foreign.id };
		// One at a time: a promise that rejects before it is awaited counts as unhandled.
		const attempts = [
			() => getCategory(t.db, opts),
			() => updateCategory(t.db, { ...opts, input: { name: 'Kapad' } }),
			() => setCategoryArchived(t.db, { ...opts, archive: true })
		];
		for (const attempt of attempts) expect((await attempt().catch((e) => e)).code).toBe('NOT_FOUND');
		expect((await categoriesOf(other.organizer.id))[0]).toMatchObject({ name: 'Skrivare', archivedAt: null });
	});

	it('get a starter set for a chain that has none, but never on top of the administrator’s own', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const added = await addSuggestedCategories(t.db, { actor, organizerId: organizer.id, chain: 'pedagogical' });
		expect(added.map((c) => c.name)).toContain('Digital kompetens enligt styrdokumenten');
		const again = await addSuggestedCategories(t.db, { actor, organizerId: organizer.id, chain: 'pedagogical' }).catch((e) => e);
		expect(again.code).toBe('CONFLICT');
		const tech = await addSuggestedCategories(t.db, { actor, organizerId: organizer.id, chain: 'technical' });
		expect(tech.filter((c) => c.deviceRelated).map((c) => c.name)).toEqual([
			'Elevdator',
			'Personaldator',
			'Projektor och skärm',
			'Skrivare'
		]);
		expect(await categoriesOf(organizer.id)).toHaveLength(added.length + tech.length);
		const wrong = await addSuggestedCategories(t.db, { actor, organizerId: organizer.id, chain: 'kaffe' }).catch((e) => e);
		expect(wrong.code).toBe('INVALID');
	});
});

describe('the organizer’s own calendar', () => {
	it('keeps a lov week as one period and removes it again', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const opts = { actor, organizerId: organizer.id };
		expect(
			await addCalendarPeriod(t.db, { ...opts, input: { from: '2027-02-22', to: '2027-02-26', kind: 'lov', label: 'Sportlov' } })
		).toBe(5);
		await addCalendarPeriod(t.db, { ...opts, input: { from: '2027-06-10', to: '2027-06-10', kind: 'closed', label: 'Studiedag' } });
		expect(await findCalendarPeriods(t.db, opts)).toEqual([
			{ from: '2027-02-22', to: '2027-02-26', kind: 'lov', label: 'Sportlov', days: 5 },
			{ from: '2027-06-10', to: '2027-06-10', kind: 'closed', label: 'Studiedag', days: 1 }
		]);
		expect(await removeCalendarPeriod(t.db, { ...opts, input: { from: '2027-02-22', to: '2027-02-26' } })).toBe(5);
		expect((await daysOf(organizer.id)).map((d) => d.day)).toEqual(['2027-06-10']);
		const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.organizerId, organizer.id));
		expect(audit.map((a) => a.action)).toEqual(['support.calendar_add', 'support.calendar_add', 'support.calendar_remove']);
	});

	it('refuses impossible dates, a period that ends before it starts or lasts over a year, and writes nothing', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const opts = { actor, organizerId: organizer.id };
		const bad = await addCalendarPeriod(t.db, {
			...opts,
			input: { from: '2027-02-30', to: 'i morgon', kind: 'semester' as never, label: '' }
		}).catch((e) => e);
		expect(bad.issues.map((i: { field: string }) => i.field)).toEqual(['from', 'to', 'kind', 'label']);
		const order = await addCalendarPeriod(t.db, {
			...opts,
			input: { from: '2027-03-05', to: '2027-03-01', kind: 'lov', label: 'Påsklov' }
		}).catch((e) => e);
		expect(order.issues).toEqual([{ field: 'to', message: 'supportadmin_error_date_order' }]);
		const long = await addCalendarPeriod(t.db, {
			...opts,
			input: { from: '2027-01-01', to: '2028-06-01', kind: 'lov', label: 'Evigt lov' }
		}).catch((e) => e);
		expect(long.issues).toEqual([{ field: 'to', message: 'supportadmin_error_period_long' }]);
		expect(await daysOf(organizer.id)).toEqual([]);
	});

	it('is the organizer’s alone: removing never touches another organizer’s days', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const other = await buildOrgAdmin(t.db);
		await addCalendarPeriod(t.db, {
			actor: other.actor,
			organizerId: other.organizer.id,
			input: { from: '2027-04-01', to: '2027-04-02', kind: 'closed', label: 'Stängt' }
		});
		expect(await removeCalendarPeriod(t.db, { actor, organizerId: organizer.id, input: { from: '2027-01-01', to: '2027-12-31' } })).toBe(0);
		expect(await daysOf(other.organizer.id)).toHaveLength(2);
		const staff = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id }]);
		const err = await addCalendarPeriod(t.db, {
			actor: staff,
			organizerId: organizer.id,
			input: { from: '2027-04-01', to: '2027-04-01', kind: 'lov', label: 'Lov' }
		}).catch((e) => e);
		expect(err.code).toBe('FORBIDDEN');
	});
});

// Covers: createImportBatch, planImportBatch, applyImportBatch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildOrgAdmin, buildPerson, buildUnit } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import { memberships, membershipInvitations, people, roleAssignments } from '../db/schema';
import { loadActor } from '../auth/load-actor';
import { respondToInvitation } from '../people/respond-to-invitation';
import { createImportBatch } from './create-import-batch';
import { planImportBatch } from './plan-import-batch';
import { applyImportBatch } from './apply-import-batch';
import type { PeoplePlan } from './plan-people-import';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

type Ctx = Awaited<ReturnType<typeof buildOrgAdmin>>;

async function upload(ctx: Ctx, text: string | Uint8Array) {
	const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
	return (
		await createImportBatch(h.db, { actor: ctx.actor, organizerId: ctx.organizer.id, kind: 'people', fileName: 'personer.csv', bytes })
	).id;
}
const preview = async (ctx: Ctx, batchId: string) =>
	(await planImportBatch(h.db, { actor: ctx.actor, organizerId: ctx.organizer.id, batchId })).plan as PeoplePlan;
const apply = (ctx: Ctx, batchId: string, validOnly = false) =>
	applyImportBatch(h.db, { actor: ctx.actor, organizerId: ctx.organizer.id, batchId, validOnly });
const summary = (plan: PeoplePlan) => plan.rows.map((r) => [r.line, r.outcome, ...r.issues.map((i) => `${i.column}:${i.message}`)]);

/** Members of the organizer (the admin aside) with their roles there, as "email role@unit". */
async function rolesOf(ctx: Ctx) {
	const rows = await h.db
		.select({ email: people.email, role: roleAssignments.role, unitId: roleAssignments.unitId, startsOn: roleAssignments.startsOn })
		.from(roleAssignments)
		.innerJoin(people, eq(people.id, roleAssignments.personId))
		.where(eq(roleAssignments.organizerId, ctx.organizer.id));
	return rows
		.filter((r) => r.role !== 'org_admin')
		.map((r) => `${r.email} ${r.role}@${r.unitId ?? 'org'}${r.startsOn ? ` från ${r.startsOn}` : ''}`)
		.sort();
}
const memberCount = async (ctx: Ctx) => (await h.db.select().from(memberships).where(eq(memberships.organizerId, ctx.organizer.id))).length;

let schools = 0;
/** Älvskolan and Förskolan Ek; the first organizer's get codes 51000001 and 51000002 (codes are unique everywhere). */
async function withSchools(ctx: Ctx) {
	const code = (n: number) => String(51000000 + schools * 2 + n);
	const alv = await buildUnit(h.db, { organizer: ctx.organizer, name: 'Älvskolan', schoolUnitCode: code(1) });
	const ek = await buildUnit(h.db, { organizer: ctx.organizer, name: 'Förskolan Ek', kind: 'forskoleenhet', schoolUnitCode: code(2) });
	schools++;
	return { alv, ek };
}

describe('importing people with roles', () => {
	it('creates people and one role per row, with units by code or name, and a second import changes nothing', async () => {
		const ctx = await buildOrgAdmin(h.db);
		const { alv, ek } = await withSchools(ctx);
		const text = [
			'namn;e-post;eppn;skyddad identitet;roll;enhet;från;till',
			'Åsa Öberg;Asa.Oberg@Exempel.se;asa@exempel.se;nej;Rektor;51000001;2026-08-01;',
			'Åsa Öberg;asa.oberg@exempel.se;asa@exempel.se;nej;staff;Förskolan Ek;;',
			'Kim Berg;kim.berg@exempel.se;;ja;Läsbehörighet;;;',
			'Olle Ek;olle.ek@exempel.se;;;;;;'
		].join('\r\n');
		const id = await upload(ctx, text);
		const plan = await preview(ctx, id);
		expect(summary(plan)).toEqual([
			[2, 'create'],
			[3, 'create'],
			[4, 'create'],
			[5, 'create']
		]);
		expect(plan.rows.map((r) => r.personAction)).toEqual(['create', null, 'create', 'create']);
		expect(await apply(ctx, id)).toEqual({ created: 4, updated: 0, unchanged: 0, skipped: 0 });

		expect(await rolesOf(ctx)).toEqual([
			`asa.oberg@exempel.se principal@${alv.id} från 2026-08-01`,
			`asa.oberg@exempel.se staff@${ek.id}`,
			'kim.berg@exempel.se reader@org'
		]);
		const [kim] = await h.db.select().from(people).where(eq(people.email, 'kim.berg@exempel.se'));
		expect(kim).toMatchObject({ name: 'Kim Berg', protectedIdentity: true });
		expect(await memberCount(ctx)).toBe(4);

		const again = await upload(ctx, text);
		expect((await preview(ctx, again)).counts).toEqual({ create: 0, update: 0, unchanged: 4, error: 0 });
		await apply(ctx, again);
		expect(await rolesOf(ctx)).toHaveLength(3);
		expect(await memberCount(ctx)).toBe(4);
	});

	it('matches existing members on e-mail, changes what differs and adds new roles', async () => {
		const ctx = await buildOrgAdmin(h.db);
		const { alv } = await withSchools(ctx);
		const lisa = await buildPerson(h.db, {
			name: 'Lisa Gammal',
			email: 'lisa@exempel.se',
			roles: [{ role: 'staff', organizerId: ctx.organizer.id, unitId: alv.id }]
		});
		const id = await upload(
			ctx,
			'namn;e-post;roll;enhet\nLisa Ny;LISA@exempel.se;Personal;Älvskolan\nLisa Ny;lisa@exempel.se;Pedagogisk nyckelperson;Älvskolan\n'
		);
		const plan = await preview(ctx, id);
		expect(plan.rows.map((r) => [r.outcome, r.personId, r.personAction, r.changed])).toEqual([
			['update', lisa.id, 'update', ['namn']],
			['update', lisa.id, null, ['roll']]
		]);
		await apply(ctx, id);
		const [after] = await h.db.select().from(people).where(eq(people.id, lisa.id));
		expect(after.name).toBe('Lisa Ny');
		expect(await rolesOf(ctx)).toEqual([`lisa@exempel.se pedagogical_key_person@${alv.id}`, `lisa@exempel.se staff@${alv.id}`]);
	});

	it('reports every problem by column and writes nothing, unless asked to import only the valid rows', async () => {
		const ctx = await buildOrgAdmin(h.db);
		await withSchools(ctx);
		await buildPerson(h.db, { email: 'upptagen@exempel.se', eppn: 'tagen@exempel.se' });
		const text = [
			'namn;e-post;eppn;skyddad identitet;roll;enhet;från;till',
			'Bra Person;bra@exempel.se;;;Personal;Älvskolan;;',
			'Utan Adress;inte-en-adress;;;Personal;;;',
			'Fel Roll;fel.roll@exempel.se;;;Rektorn;;;',
			'Fel Enhet;fel.enhet@exempel.se;;;Personal;Saknas skolan;;',
			'Fel Datum;fel.datum@exempel.se;;;Personal;;2026-13-01;',
			'Baklänges;baklanges@exempel.se;;;Personal;;2026-08-01;2026-01-01',
			'Kanske;kanske@exempel.se;;kanske;;;;',
			'Annat Namn;bra@exempel.se;;;Elev;;;',
			'Lånat Eppn;lanat@exempel.se;tagen@exempel.se;;;;;',
			'Ingen Roll;ingen.roll@exempel.se;;;;Älvskolan;;',
			'Bra Person;bra@exempel.se;;;Personal;Älvskolan;;'
		].join('\n');
		const id = await upload(ctx, text);
		const plan = await preview(ctx, id);
		expect(summary(plan)).toEqual([
			[2, 'create'],
			[3, 'error', 'e-post:people_error_email'],
			[4, 'error', 'roll:imports_error_role'],
			[5, 'error', 'enhet:imports_error_unit_not_found'],
			[6, 'error', 'från:imports_error_date'],
			[7, 'error', 'till:imports_error_date_order'],
			[8, 'error', 'skyddad identitet:imports_error_yes_no'],
			[9, 'error', 'namn:imports_error_person_differs'],
			[10, 'error', 'eppn:imports_error_eppn_taken'],
			[11, 'error', 'roll:imports_error_role_missing'],
			[12, 'error', 'roll:imports_error_duplicate_role']
		]);
		const before = await memberCount(ctx);
		expect((await apply(ctx, id).catch((e) => e)).code).toBe('INVALID');
		expect(await memberCount(ctx)).toBe(before);
		expect(await rolesOf(ctx)).toEqual([]);

		expect(await apply(ctx, id, true)).toMatchObject({ created: 1, skipped: 10 });
		expect(await memberCount(ctx)).toBe(before + 1);
		expect((await rolesOf(ctx)).map((r) => r.split(' ')[0])).toEqual(['bra@exempel.se']);
	});

	it('refuses a role the person already has at the unit with other dates', async () => {
		const ctx = await buildOrgAdmin(h.db);
		const { alv } = await withSchools(ctx);
		await buildPerson(h.db, {
			name: 'Per Rektor',
			email: 'per@exempel.se',
			roles: [{ role: 'principal', organizerId: ctx.organizer.id, unitId: alv.id, startsOn: '2025-08-01' }]
		});
		const plan = await preview(
			ctx,
			await upload(ctx, 'namn;e-post;roll;enhet;från\nPer Rektor;per@exempel.se;Rektor;Älvskolan;2026-08-01\n')
		);
		expect(summary(plan)).toEqual([[2, 'error', 'från:imports_error_role_other_dates']]);
	});

	it('lets a person who failed on one row still be created by a later valid row', async () => {
		const ctx = await buildOrgAdmin(h.db);
		await withSchools(ctx);
		const id = await upload(
			ctx,
			'namn;e-post;roll;enhet\nEva Lund;eva@exempel.se;Personal;Okänd skola\nEva Lund;eva@exempel.se;Personal;Älvskolan\n'
		);
		const plan = await preview(ctx, id);
		expect(plan.rows.map((r) => [r.outcome, r.personAction])).toEqual([
			['error', null],
			['create', 'create']
		]);
		await apply(ctx, id, true);
		expect((await rolesOf(ctx)).length).toBe(1);
	});

	it("invites a person who already belongs to another organizer, with the row's role given on acceptance (decision 018)", async () => {
		const ctx = await buildOrgAdmin(h.db);
		const other = await buildOrgAdmin(h.db);
		const shared = await buildPerson(h.db, {
			name: 'Delad Person',
			email: 'delad@exempel.se',
			eppn: 'delad@skola.se',
			memberOf: other.organizer.id
		});
		const id = await upload(ctx, 'namn;e-post;eppn;roll\nNytt Namn;delad@exempel.se;annan@skola.se;Läsbehörighet\n');
		// The plan shows an address that exists elsewhere as it shows a new one.
		expect(summary(await preview(ctx, id))).toEqual([[2, 'create']]);
		await apply(ctx, id);
		const mine = (await h.db.select().from(memberships).where(eq(memberships.personId, shared.id))).filter(
			(r) => r.organizerId === ctx.organizer.id
		);
		expect(mine).toHaveLength(0);
		expect(await rolesOf(ctx)).toEqual([]);
		const [row] = await h.db.select().from(people).where(eq(people.id, shared.id));
		expect(row).toMatchObject({ name: 'Delad Person', eppn: 'delad@skola.se' });
		const [inv] = await h.db.select().from(membershipInvitations).where(eq(membershipInvitations.organizerId, ctx.organizer.id));
		expect(inv).toMatchObject({
			personId: shared.id,
			status: 'pending',
			pendingRoles: [{ role: 'reader', unitId: null, startsOn: null, endsOn: null }]
		});
		await respondToInvitation(h.db, { actor: (await loadActor(h.db, shared.id))!, invitationId: inv.id, accept: true });
		expect(await rolesOf(ctx)).toEqual(['delad@exempel.se reader@org']);
	});

	it('refuses to change the name of a member who also belongs to another organizer', async () => {
		const ctx = await buildOrgAdmin(h.db);
		const other = await buildOrgAdmin(h.db);
		const shared = await buildPerson(h.db, { name: 'Två Hem', email: `tva-${ctx.organizer.id}@exempel.se`, memberOf: other.organizer.id });
		await h.db.insert(memberships).values({ organizerId: ctx.organizer.id, personId: shared.id });
		const id = await upload(ctx, `namn;e-post\nAnnat Namn;${shared.email}\n`);
		expect(summary(await preview(ctx, id))).toEqual([[2, 'error', 'namn:imports_error_identity_shared']]);
	});
});

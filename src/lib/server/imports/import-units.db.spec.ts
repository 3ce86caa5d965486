// Covers: createImportBatch, planImportBatch, applyImportBatch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildOrgAdmin, buildUnit } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import { auditEvents, importBatches, units } from '../db/schema';
import { createImportBatch } from './create-import-batch';
import { planImportBatch } from './plan-import-batch';
import { applyImportBatch } from './apply-import-batch';
import type { UnitsPlan } from './plan-units-import';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const utf8 = (s: string) => new TextEncoder().encode(s);
type Ctx = Awaited<ReturnType<typeof buildOrgAdmin>>;

async function upload(ctx: Ctx, text: string | Uint8Array) {
	const bytes = typeof text === 'string' ? utf8(text) : text;
	const { id } = await createImportBatch(h.db, {
		actor: ctx.actor,
		organizerId: ctx.organizer.id,
		kind: 'units',
		fileName: 'enheter.csv',
		bytes
	});
	return id;
}
async function preview(ctx: Ctx, batchId: string) {
	return (await planImportBatch(h.db, { actor: ctx.actor, organizerId: ctx.organizer.id, batchId })).plan as UnitsPlan;
}
const apply = (ctx: Ctx, batchId: string, validOnly = false) =>
	applyImportBatch(h.db, { actor: ctx.actor, organizerId: ctx.organizer.id, batchId, validOnly });
const unitsOf = (ctx: Ctx) => h.db.select().from(units).where(eq(units.organizerId, ctx.organizer.id));
const summary = (plan: UnitsPlan) => plan.rows.map((r) => [r.line, r.outcome, ...r.issues.map((i) => `${i.column}:${i.message}`)]);

const TREE = [
	'namn;typ;skolenhetskod;skolformer;överordnad',
	'Barn- och utbildningsförvaltningen;Förvaltning;;;',
	'Norra rektorsområdet;rektorsområde;;;Barn- och utbildningsförvaltningen',
	'Älvskolan F-6;Skolenhet;41112233;FKLASS, GR;Norra rektorsområdet',
	'"Förskolan Ek; Björk";förskoleenhet;41112234;FS;41112233'
].join('\r\n');

describe('importing units', () => {
	it('creates a tree with parents named by name or skolenhetskod, and a second import of the same file changes nothing', async () => {
		const ctx = await buildOrgAdmin(h.db);
		const first = await upload(ctx, TREE);
		const plan = await preview(ctx, first);
		expect(plan.counts).toEqual({ create: 4, update: 0, unchanged: 0, error: 0 });
		expect(await apply(ctx, first)).toEqual({ created: 4, updated: 0, unchanged: 0, skipped: 0 });

		const rows = await unitsOf(ctx);
		const byName = new Map(rows.map((u) => [u.name, u]));
		expect(byName.get('Älvskolan F-6')).toMatchObject({
			kind: 'skolenhet',
			schoolUnitCode: '41112233',
			schoolTypes: ['FKLASS', 'GR'],
			parentId: byName.get('Norra rektorsområdet')!.id
		});
		expect(byName.get('Förskolan Ek; Björk')!.parentId).toBe(byName.get('Älvskolan F-6')!.id);

		const again = await upload(ctx, TREE);
		expect((await preview(ctx, again)).counts).toEqual({ create: 0, update: 0, unchanged: 4, error: 0 });
		const eventsBefore = await h.db.select().from(auditEvents).where(eq(auditEvents.organizerId, ctx.organizer.id));
		expect(await apply(ctx, again)).toEqual({ created: 0, updated: 0, unchanged: 4, skipped: 0 });
		const eventsAfter = await h.db.select().from(auditEvents).where(eq(auditEvents.organizerId, ctx.organizer.id));
		expect(eventsAfter.length - eventsBefore.length).toBe(1);
		expect(eventsAfter.at(-1)).toMatchObject({
			action: 'import.apply',
			entityId: again,
			changes: { kind: 'units', unchanged: 4, created: 0 }
		});
		expect(await unitsOf(ctx)).toHaveLength(4);
	});

	it('matches on skolenhetskod first, else on name under the same parent, and names the changed columns', async () => {
		const ctx = await buildOrgAdmin(h.db);
		const area = await buildUnit(h.db, { organizer: ctx.organizer, name: 'Södra området', kind: 'rektorsomrade' });
		const school = await buildUnit(h.db, { organizer: ctx.organizer, name: 'Gamla namnet', schoolUnitCode: '42000001', parentId: area.id });
		const top = await buildUnit(h.db, { organizer: ctx.organizer, name: 'Fritidsgården', kind: 'ovrigt' });
		const id = await upload(
			ctx,
			'namn;typ;skolenhetskod;överordnad\nNya namnet;skolenhet;42000001;Södra området\nFritidsgården;övrigt;;\nSödra området;rektorsområde;;\n'
		);
		const plan = await preview(ctx, id);
		expect(plan.rows.map((r) => [r.outcome, r.unitId, r.changed])).toEqual([
			['update', school.id, ['namn']],
			['unchanged', top.id, []],
			['unchanged', area.id, []]
		]);
		await apply(ctx, id);
		const [after] = await h.db.select().from(units).where(eq(units.id, school.id));
		expect(after).toMatchObject({ name: 'Nya namnet', parentId: area.id, schoolUnitCode: '42000001' });
	});

	it('writes nothing when any row has an error, unless asked to import only the valid rows', async () => {
		const ctx = await buildOrgAdmin(h.db);
		const text = [
			'namn;typ;skolenhetskod;överordnad',
			'Västra området;rektorsområde;;',
			'Trasig enhet;gymnasium;;',
			'Barn till trasig;skolenhet;43000001;Trasig enhet',
			'Bäckskolan;skolenhet;4300000X;Västra området',
			'Ängsskolan;skolenhet;43000002;Västra området'
		].join('\n');
		const id = await upload(ctx, text);
		const plan = await preview(ctx, id);
		expect(summary(plan)).toEqual([
			[2, 'create'],
			[3, 'error', 'typ:imports_error_unit_kind'],
			[4, 'error', 'överordnad:imports_error_parent_row_invalid'],
			[5, 'error', 'skolenhetskod:imports_error_school_unit_code'],
			[6, 'create']
		]);
		expect(plan.rows[1].issues[0].params).toEqual({ value: 'gymnasium' });
		expect(plan.rows[2].issues[0].params).toEqual({ line: 3 });

		const refused = await apply(ctx, id).catch((e) => e);
		expect(refused.code).toBe('INVALID');
		expect(await unitsOf(ctx)).toHaveLength(0);
		const [batch] = await h.db.select().from(importBatches).where(eq(importBatches.id, id));
		expect(batch.status).toBe('pending');

		expect(await apply(ctx, id, true)).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 3 });
		expect((await unitsOf(ctx)).map((u) => u.name).sort()).toEqual(['Västra området', 'Ängsskolan']);
	});

	it('refuses the same skolenhetskod on two rows, and one that another organizer already uses', async () => {
		const ctx = await buildOrgAdmin(h.db);
		const other = await buildOrgAdmin(h.db);
		await buildUnit(h.db, { organizer: other.organizer, name: 'Annans skola', schoolUnitCode: '44000009' });
		const id = await upload(
			ctx,
			'namn;typ;skolenhetskod\nA-skolan;skolenhet;44000001\nB-skolan;skolenhet;44000001\nC-skolan;skolenhet;44000009\nD-skolan;skolenhet;44000002\n'
		);
		const plan = await preview(ctx, id);
		expect(summary(plan)).toEqual([
			[2, 'error', 'skolenhetskod:imports_error_code_duplicate'],
			[3, 'error', 'skolenhetskod:imports_error_code_duplicate'],
			[4, 'error', 'skolenhetskod:imports_error_code_taken'],
			[5, 'create']
		]);
		expect(plan.rows[0].issues[0].params).toEqual({ value: '44000001', lines: '3' });
		expect(await apply(ctx, id, true)).toMatchObject({ created: 1, skipped: 3 });
		expect((await unitsOf(ctx)).map((u) => u.name)).toEqual(['D-skolan']);
	});

	it('reports a missing parent, an ambiguous parent and a parent loop on the överordnad column', async () => {
		const ctx = await buildOrgAdmin(h.db);
		await buildUnit(h.db, { organizer: ctx.organizer, name: 'Tvilling', kind: 'skola' });
		await buildUnit(h.db, { organizer: ctx.organizer, name: 'Tvilling', kind: 'skola' });
		const id = await upload(
			ctx,
			'namn;typ;överordnad\nEtt;skola;Finns inte\nTvå;skola;Tvilling\nTre;skola;Fyra\nFyra;skola;Tre\nFem;skola;Fem\n'
		);
		const plan = await preview(ctx, id);
		expect(plan.rows.map((r) => r.issues[0]?.message)).toEqual([
			'imports_error_parent_not_found',
			'imports_error_parent_ambiguous',
			expect.stringMatching(/imports_error_parent_(cycle|row_invalid)/),
			expect.stringMatching(/imports_error_parent_(cycle|row_invalid)/),
			'imports_error_parent_cycle'
		]);
		expect(plan.counts.error).toBe(5);
		expect((await apply(ctx, id, true).catch((e) => e)).code).toBe('INVALID');
		expect(await unitsOf(ctx)).toHaveLength(2);
	});

	it('shows the units rules (a skolenhet needs a code, a förvaltning has none) on the right column', async () => {
		const ctx = await buildOrgAdmin(h.db);
		const plan = await preview(
			ctx,
			await upload(ctx, 'namn;typ;skolenhetskod\nUtan kod;skolenhet;\nFörvaltning med kod;förvaltning;46000001\n')
		);
		expect(summary(plan)).toEqual([
			[2, 'error', 'skolenhetskod:units_error_code_required'],
			[3, 'error', 'skolenhetskod:units_error_code_not_allowed']
		]);
	});

	it('reads a Windows-1252 file from Swedish Excel with its å, ä and ö intact', async () => {
		const ctx = await buildOrgAdmin(h.db);
		const latin1 = Uint8Array.from('namn;typ;skolenhetskod\r\nÅsaskolan;skola;\r\nÖjeby förskola;förskoleenhet;45000001\r\n', (c) =>
			c.charCodeAt(0)
		);
		const id = await upload(ctx, latin1);
		const plan = await preview(ctx, id);
		expect(plan.rows.map((r) => [r.name, r.kind])).toEqual([
			['Åsaskolan', 'skola'],
			['Öjeby förskola', 'forskoleenhet']
		]);
		await apply(ctx, id);
		expect((await unitsOf(ctx)).map((u) => u.name).sort()).toEqual(['Åsaskolan', 'Öjeby förskola']);
	});
});

describe('files that cannot be imported', () => {
	const stored = async (ctx: Ctx) => h.db.select().from(importBatches).where(eq(importBatches.organizerId, ctx.organizer.id));
	const refusal = (ctx: Ctx, bytes: Uint8Array | null) =>
		createImportBatch(h.db, { actor: ctx.actor, organizerId: ctx.organizer.id, kind: 'units', fileName: 'x.csv', bytes }).catch((e) => e);

	it('are refused with a reason, and nothing is stored', async () => {
		const ctx = await buildOrgAdmin(h.db);
		const big = utf8('namn;typ\n' + 'Skola med ett långt namn;skola\n'.repeat(80_000));
		expect((await refusal(ctx, big)).fileCode).toBe('too_large');
		const many = utf8('namn;typ\n' + Array.from({ length: 5001 }, (_, i) => `S${i};skola`).join('\n'));
		expect((await refusal(ctx, many)).fileCode).toBe('too_many_rows');
		expect((await refusal(ctx, utf8('namn;typ\n"Trasig;skola\n'))).params).toEqual({ line: 2 });
		expect((await refusal(ctx, utf8('namn;typ;rektor\nA;skola;B\n'))).params).toMatchObject({ column: 'rektor' });
		expect((await refusal(ctx, utf8('namn;skolenhetskod\nA;12345678\n'))).params).toMatchObject({ column: 'typ' });
		expect((await refusal(ctx, utf8('namn;typ\n'))).fileCode).toBe('no_rows');
		expect(await refusal(ctx, new Uint8Array())).toMatchObject({ fileCode: 'empty' });
		expect(await refusal(ctx, Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0, 8, 0, 0]))).toMatchObject({ fileCode: 'binary' });
		expect(await refusal(ctx, null)).toMatchObject({ fileCode: 'no_file' });
		expect(await stored(ctx)).toHaveLength(0);
	});
});

describe('import batches', () => {
	it('belong to their organizer: another organizer’s batch id is not found, and neither is a made-up one', async () => {
		const ctx = await buildOrgAdmin(h.db);
		const other = await buildOrgAdmin(h.db);
		const theirs = await upload(other, 'namn;typ\nDeras skola;skola\n');
		for (const batchId of [theirs, 'inte-ett-id', '00000000-0000-4000-8000-000000000000']) {
			expect((await planImportBatch(h.db, { actor: ctx.actor, organizerId: ctx.organizer.id, batchId }).catch((e) => e)).code).toBe(
				'NOT_FOUND'
			);
			expect(
				(await applyImportBatch(h.db, { actor: ctx.actor, organizerId: ctx.organizer.id, batchId, validOnly: true }).catch((e) => e)).code
			).toBe('NOT_FOUND');
		}
		expect(await unitsOf(other)).toHaveLength(0);
	});

	it('are applied once; a second attempt is refused and writes nothing', async () => {
		const ctx = await buildOrgAdmin(h.db);
		const id = await upload(ctx, 'namn;typ\nEngångsskolan;skola\n');
		await apply(ctx, id);
		expect((await apply(ctx, id).catch((e) => e)).code).toBe('CONFLICT');
		expect(await unitsOf(ctx)).toHaveLength(1);
		const applied = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'import.apply')));
		expect(applied).toHaveLength(1);
	});

	it('may only be run by an organization administrator', async () => {
		const ctx = await buildOrgAdmin(h.db);
		const principal = await buildActor(h.db, [{ role: 'leadership', organizerId: ctx.organizer.id }]);
		const e = await createImportBatch(h.db, {
			actor: principal,
			organizerId: ctx.organizer.id,
			kind: 'units',
			fileName: 'x.csv',
			bytes: utf8('namn;typ\nA;skola\n')
		}).catch((x) => x);
		expect(e.code).toBe('FORBIDDEN');
	});
});

// Covers: createRound, loadRoundFormOptions.
/**
 * A framework YAML with errors (an item key used twice, an item missing a level, a field written
 * twice) gets a clear error when an administrator starts a round on it, and nothing is written.
 * The framework files here are written to a temporary folder that stands in for content/frameworks.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { assessmentRoundUnits, assessmentRounds, auditEvents } from '../../db/schema';
import { createRound } from './create-round';
import { loadRoundFormOptions } from './load-round-form-options';

vi.mock('../framework/list-frameworks', async (importOriginal) => {
	const original = await importOriginal<typeof import('../framework/list-frameworks')>();
	const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	const { framework, item } = await import('../framework/framework-fixtures');
	const dir = mkdtempSync(join(tmpdir(), 'rodtrad-frameworks-'));
	mkdirSync(join(dir, 'test'));
	const files: Record<string, string> = {
		'2026.1': framework('2026.1', [['1.1', [item('t.ok')]]]),
		'2026.2': framework('2026.2', [
			['1.1', [item('t.dup')]],
			['1.2', [item('t.dup')]]
		]),
		'2026.3': framework('2026.3', [['1.1', [item('t.no-four', '', [1, 2, 3])]]]),
		'2026.4': framework('2026.4', [['1.1', [item('t.twice', 'statement: { sv: "igen", en: "again" }')]]])
	};
	for (const [version, text] of Object.entries(files)) writeFileSync(join(dir, 'test', `${version}.yaml`), text);
	return { ...original, FRAMEWORKS_DIR: dir, listFrameworks: (root: string = dir) => original.listFrameworks(root) };
});

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

async function setup() {
	const organizer = await buildOrganizer(h.db);
	const unit = await buildUnit(h.db, { organizerId: organizer.id });
	const admin = await buildActor(h.db, [{ role: 'org_admin', organizerId: organizer.id }]);
	const create = (framework: string) =>
		createRound(h.db, {
			actor: admin,
			organizerId: organizer.id,
			input: { name: 'Omgång', framework, unitIds: [unit.id], perspectives: ['leadership'], opensOn: '2026-09-01', closesOn: '2099-09-30' }
		});
	const written = async () => ({
		rounds: await h.db.select().from(assessmentRounds).where(eq(assessmentRounds.organizerId, organizer.id)),
		roundUnits: await h.db.select().from(assessmentRoundUnits).where(eq(assessmentRoundUnits.organizerId, organizer.id)),
		audits: await h.db.select().from(auditEvents).where(eq(auditEvents.organizerId, organizer.id))
	});
	return { organizer, admin, create, written };
}

describe('a framework file with errors', () => {
	it('still lets a round start on a valid file in the same folder', async () => {
		const s = await setup();
		const round = await s.create('test@2026.1');
		expect(round.frameworkVersion).toBe('2026.1');
	});

	it.each([
		['an item key used twice', 'test@2026.2'],
		['an item missing level 4', 'test@2026.3'],
		['a field written twice in one item', 'test@2026.4']
	])('refuses a round on a file with %s, saying the file has errors, and writes nothing', async (_what, framework) => {
		const s = await setup();
		const e = await s.create(framework).catch((x) => x);
		expect(e.code).toBe('INVALID');
		expect(e.issues).toEqual([{ field: 'framework', message: 'rounds_error_framework_invalid' }]);
		expect(await s.written()).toEqual({ rounds: [], roundUnits: [], audits: [] });
	});

	it('is left out of the round form instead of breaking it', async () => {
		const s = await setup();
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		const { frameworks } = await loadRoundFormOptions(h.db, { actor: s.admin, organizerId: s.organizer.id });
		expect(frameworks.map((f) => f.value)).toEqual(['test@2026.1']);
		expect(errors.mock.calls.map((c) => String(c[0]))).toEqual(
			[
				expect.stringContaining('duplicate item key "t.dup"'),
				expect.stringContaining('levels.4: is missing'),
				expect.stringMatching(/not valid YAML.*unique/i)
			].reverse()
		);
		errors.mockRestore();
	});
});

// Covers: checkHealth, latestShippedMigration.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { checkHealth, latestShippedMigration } from './check-health';

const t = useTestDatabase();

describe('the health check behind /healthz', () => {
	it('is healthy on a migrated database whose jobs run or are off', async () => {
		expect(await checkHealth(t.db, 'running')).toEqual({ ok: true, database: 'ok', migrations: 'current', jobs: 'running' });
		expect((await checkHealth(t.db, 'off')).ok).toBe(true);
		expect((await checkHealth(t.db, 'starting')).ok).toBe(true);
	});

	it('is unhealthy when the build ships a migration the database lacks', async () => {
		const h = await checkHealth(t.db, 'running', { latest: latestShippedMigration() + 1 });
		expect(h).toMatchObject({ ok: false, migrations: 'behind' });
	});

	it('is unhealthy when the jobs could not start', async () => {
		expect(await checkHealth(t.db, 'failed')).toMatchObject({ ok: false, database: 'ok', jobs: 'failed' });
	});

	it('says the database is unreachable when a query fails, and says nothing else about it', async () => {
		const broken = {
			execute: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }))
		};
		const h = await checkHealth(broken as never, 'running');
		expect(h).toEqual({ ok: false, database: 'unreachable', migrations: 'unknown', jobs: 'running' });
		expect(JSON.stringify(h)).not.toContain('10.0.0.5');
	});
});

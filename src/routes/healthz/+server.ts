import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { appDatabase } from '$lib/server/db/app-db';
import { checkHealth } from '$lib/server/db/check-health';
import { appJobsState } from '$lib/server/jobs/app-jobs';

/** For load balancers: 200 when this server can serve, 503 when not; public, and says nothing secret (decision 017). */
export const GET: RequestHandler = async () => {
	const health = await appDatabase()
		.then(({ db }) => checkHealth(db, appJobsState()))
		.catch(() => ({ ok: false, database: 'unreachable' as const, migrations: 'unknown' as const, jobs: appJobsState() }));
	return json(
		{ status: health.ok ? 'ok' : 'unavailable', database: health.database, migrations: health.migrations, jobs: health.jobs },
		{ status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store', ...(health.ok ? {} : { 'Retry-After': '5' }) } }
	);
};

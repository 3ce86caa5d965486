import { appDatabase } from '../db/app-db';
import { env } from '../env';
import { startJobQueue, type JobQueue } from './job-queue';

let started: Promise<JobQueue | null> | undefined;

/**
 * Starts the background jobs once per server process, unless RODTRAD_JOBS=off or under Vitest (tests call
 * the job functions directly). Never throws: a queue that cannot start is logged and the site keeps working.
 */
export function startAppJobs(): Promise<JobQueue | null> {
	started ??= (async () => {
		if (env.RODTRAD_JOBS === 'off' || process.env.VITEST) return null;
		try {
			const queue = await startJobQueue(await appDatabase());
			console.log('Bakgrundsjobb igång / background jobs started');
			return queue;
		} catch (e) {
			console.error('jobs: could not start the job queue', e);
			return null;
		}
	})();
	return started;
}

/** Stops the jobs (lets running ones finish, up to 10 s). Called on server shutdown. */
export async function stopAppJobs(): Promise<void> {
	const queue = await started;
	started = undefined;
	await queue?.stop().catch((e) => console.error('jobs: stopping failed', e));
}

/** Runs a job soon instead of waiting for its cron (on demand). Does nothing when jobs are off. */
export async function requestJob(name: string): Promise<void> {
	const queue = await startAppJobs();
	await queue?.send(name);
}

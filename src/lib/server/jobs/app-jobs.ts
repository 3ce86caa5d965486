import { appDatabase } from '../db/app-db';
import { env } from '../env';
import { startJobQueue, type JobQueue } from './job-queue';
import { logServerError } from '../http/log-server-error';

let started: Promise<JobQueue | null> | undefined;
let state: JobsState = 'not-started';

/** Where this process's background jobs are, for /healthz: `off` by setting, `failed` when the queue could not start. */
export type JobsState = 'not-started' | 'off' | 'starting' | 'running' | 'failed';

/** This process's job state (see JobsState). */
export const appJobsState = (): JobsState => state;

/**
 * Starts the background jobs once per server process, unless RODTRAD_JOBS=off or under Vitest (tests call
 * the job functions directly). Never throws: a queue that cannot start is logged and the site keeps working.
 */
export function startAppJobs(): Promise<JobQueue | null> {
	started ??= (async () => {
		if (env.RODTRAD_JOBS === 'off' || process.env.VITEST) {
			state = 'off';
			return null;
		}
		state = 'starting';
		try {
			const queue = await startJobQueue(await appDatabase());
			console.log('Bakgrundsjobb igång / background jobs started');
			state = 'running';
			return queue;
		} catch (e) {
			logServerError(e, { context: 'jobs: could not start the job queue', stack: true });
			state = 'failed';
			return null;
		}
	})();
	return started;
}

/** Stops the jobs (lets running ones finish, up to 10 s). Called on server shutdown. */
export async function stopAppJobs(): Promise<void> {
	const queue = await started;
	started = undefined;
	state = 'not-started';
	await queue?.stop().catch((e) => console.error('jobs: stopping failed', e));
}

/** Runs a job soon instead of waiting for its cron (on demand). Does nothing when jobs are off. */
export async function requestJob(name: string): Promise<void> {
	const queue = await startAppJobs();
	await queue?.send(name);
}

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

/** Waits before the next try to start the jobs: 2 s, 4 s, 8 s … at most a minute. */
export const retryDelayMs = (attempt: number) => Math.min(60_000, 1000 * 2 ** attempt);

let retryTimer: NodeJS.Timeout | undefined;

/**
 * Starts the background jobs once per server process, unless RODTRAD_JOBS=off or under Vitest (tests call
 * the job functions directly). Never throws: a queue that cannot start (the database away at that moment) is
 * logged, reported `failed` to /healthz, and tried again with a growing pause until it starts.
 */
export function startAppJobs(): Promise<JobQueue | null> {
	started ??= (async () => {
		if (env.RODTRAD_JOBS === 'off' || process.env.VITEST) {
			state = 'off';
			return null;
		}
		state = 'starting';
		for (let attempt = 1; ; attempt++) {
			try {
				const queue = await startJobQueue(await appDatabase());
				console.log('Bakgrundsjobb igång / background jobs started');
				state = 'running';
				return queue;
			} catch (e) {
				logServerError(e, { context: 'jobs: could not start the job queue', stack: attempt === 1, key: 'jobs-start' });
				state = 'failed';
				const stopped = await new Promise<boolean>((resolve) => {
					retryTimer = setTimeout(() => resolve(false), retryDelayMs(attempt));
					retryTimer.unref();
					stopWaiting = () => resolve(true);
				});
				if (stopped) return null;
			}
		}
	})();
	return started;
}

let stopWaiting: (() => void) | undefined;

/** Stops the jobs (lets running ones finish, up to 10 s). Called on server shutdown. */
export async function stopAppJobs(): Promise<void> {
	clearTimeout(retryTimer);
	stopWaiting?.();
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

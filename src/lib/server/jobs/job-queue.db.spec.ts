// Covers: startJobQueue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import type { DbHandle } from '../db';
import { JOBS } from './definitions';
import { startJobQueue, type JobQueue } from './job-queue';

let h: DbHandle;
let queue: JobQueue | undefined;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(async () => {
	await queue?.stop();
	await h.close();
});

describe('the job queue', () => {
	it('starts pg-boss on the app’s own database and runs a job it is sent', { timeout: 20_000 }, async () => {
		const ran: string[] = [];
		let done: () => void = () => {};
		const finished = new Promise<void>((resolve) => (done = resolve));
		const jobs = JOBS.map((job) => ({
			...job,
			run: async (...args: Parameters<typeof job.run>) => {
				const result = await job.run(...args);
				ran.push(job.name);
				done();
				return result;
			}
		}));
		queue = await startJobQueue(h, { jobs, schedule: false, pollingIntervalSeconds: 0.5 });
		expect(await queue.send('support-housekeeping')).toEqual(expect.any(String));
		await finished;
		expect(ran).toEqual(['support-housekeeping']);
	});
});

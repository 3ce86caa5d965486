import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { googleChatUrl } from './channel-payloads';
import { drainRetryingOutbox } from '../db/drain-retrying-outbox';
import { readStoredSecret } from '../crypto/secrets';

/** Posts a JSON body; resolves with the HTTP status. Tests and the job use fetch; a fake may stand in. */
export type PostJson = (url: string, body: unknown) => Promise<number>;

const TIMEOUT_MS = 15_000;

/** fetch with a time limit, no redirects followed (a webhook that redirects is not one we were given). */
export const postJson: PostJson = async (url, body) => {
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json; charset=utf-8' },
		body: JSON.stringify(body),
		redirect: 'manual',
		signal: AbortSignal.timeout(TIMEOUT_MS)
	});
	await res.body?.cancel().catch(() => undefined);
	return res.status;
};

type Claimed = {
	id: number;
	channel: string;
	payload: unknown;
	attempts: number;
	teams_url: string | null;
	google_chat_url: string | null;
};

/**
 * The channel job: sends every due post to its team's channel (the address as saved now); 2xx is success (Teams
 * Workflows answers 202, Google Chat 200). Claiming, retries and their backoff are the retrying outbox's
 * (`drainRetryingOutbox`); a failure is kept with its error for the team page. Returns how many were sent and failed.
 */
export async function deliverChannelPosts(
	db: Db,
	opts: { post?: PostJson; now?: Date; limit?: number } = {}
): Promise<{ sent: number; failed: number }> {
	const post = opts.post ?? postJson;
	return drainRetryingOutbox<Claimed>(db, {
		table: 'channel_posts',
		returning: sql`id, team_id, channel, payload, attempts`,
		select: sql`SELECT c.id, c.channel, c.payload, c.attempts, tc.teams_url, tc.google_chat_url
			FROM claimed c LEFT JOIN team_channels tc ON tc.team_id = c.team_id`,
		now: opts.now,
		limit: opts.limit,
		send: async (row) => {
			const stored = row.channel === 'teams' ? row.teams_url : row.google_chat_url;
			if (!stored) return { ok: false, error: 'no address saved for this channel' };
			// Sealed at rest (decision 038); a plain one from before is read as it is until the start-up step seals it.
			const address = readStoredSecret(stored);
			const target = row.channel === 'teams' ? address : googleChatUrl(address);
			const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
			const status = await post(target, payload);
			return status >= 200 && status < 300 ? { ok: true } : { ok: false, error: `HTTP ${status}` };
		}
	});
}

import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { nextAttemptAfter, CLAIM_MINUTES, MAX_ATTEMPTS, SENDING } from '../mail/deliver-outbox';
import { googleChatUrl } from './channel-payloads';
import { rowsOf } from '../db/rows';
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
 * The channel job: sends every due post to its team's channel (the address as saved now), 2xx is success (Teams
 * Workflows answers 202, Google Chat 200); a failure is retried after 1, 5, 30, 120 and 720 minutes like the mail
 * outbox, then kept with its error for the team page. Each post is claimed with UPDATE … SKIP LOCKED, so parallel
 * runs never send one twice and no transaction is held during the request; a claim left by a crashed run
 * counts as an attempt once it runs out. Returns how many were sent and failed.
 */
export async function deliverChannelPosts(
	db: Db,
	opts: { post?: PostJson; now?: Date; limit?: number } = {}
): Promise<{ sent: number; failed: number }> {
	const post = opts.post ?? postJson;
	const clock = () => opts.now ?? new Date();
	let sent = 0;
	let failed = 0;
	for (let i = 0; i < (opts.limit ?? 100); i++) {
		const now = clock();
		const claimEnds = new Date(now.getTime() + CLAIM_MINUTES * 60_000);
		const result = await db.execute(sql`
			WITH claimed AS (
				UPDATE channel_posts SET error = ${SENDING}, attempts = attempts + 1, next_attempt_at = ${claimEnds}::timestamptz
				WHERE id = (
					SELECT id FROM channel_posts
					WHERE sent_at IS NULL AND attempts < ${MAX_ATTEMPTS}
						AND (error IS NULL OR next_attempt_at <= ${now}::timestamptz)
					ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
				)
				RETURNING id, team_id, channel, payload, attempts
			)
			SELECT c.id, c.channel, c.payload, c.attempts, tc.teams_url, tc.google_chat_url
			FROM claimed c LEFT JOIN team_channels tc ON tc.team_id = c.team_id`);
		const row = rowsOf<Claimed>(result)[0];
		if (!row) break;
		const id = Number(row.id);
		const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
		try {
			const stored = row.channel === 'teams' ? row.teams_url : row.google_chat_url;
			if (!stored) throw new Error('no address saved for this channel');
			// Sealed at rest (decision 038); a plain one from before is read as it is until the start-up step seals it.
			const address = readStoredSecret(stored);
			const target = row.channel === 'teams' ? address : googleChatUrl(address);
			const status = await post(target, payload);
			if (status < 200 || status >= 300) throw new Error(`HTTP ${status}`);
			await db.execute(
				sql`UPDATE channel_posts SET sent_at = ${clock()}::timestamptz, error = NULL, next_attempt_at = NULL WHERE id = ${id}`
			);
			sent++;
		} catch (e) {
			const message = (e instanceof Error ? e.message : String(e)).slice(0, 300) || 'unknown error';
			const next = nextAttemptAfter(Number(row.attempts), clock());
			await db.execute(
				sql`UPDATE channel_posts SET error = ${message}, next_attempt_at = ${next}::timestamptz WHERE id = ${id} AND sent_at IS NULL`
			);
			failed++;
		}
	}
	return { sent, failed };
}

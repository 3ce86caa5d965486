// Covers: deliverOutbox, presentOutboxMessage, retryOutboxMessage, sendMail.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer } from '../../../../tests/factories';
import { auditEvents, outbox } from '../db/schema';
import { deliverOutbox, INTERRUPTED, MAX_ATTEMPTS, SENDING, type MailTransport } from './deliver-outbox';
import { presentOutboxMessage } from './present-outbox-message';
import { retryOutboxMessage } from './retry-outbox-message';
import { sendMail } from './send-mail';

const t = useTestDatabase();

const FROM = 'rodtrad@exempel.se';
const MIN = 60_000;
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MIN);

/** A transport that fails while `failing` is true and records what it sent. */
function flakyTransport() {
	const state = { failing: true, sent: [] as string[], tries: 0 };
	const transport: MailTransport = {
		async sendMail(m) {
			state.tries++;
			if (state.failing) throw new Error('421 service not available');
			state.sent.push(m.to);
		}
	};
	return { state, transport };
}

/** An empty outbox (delivery takes every organizer's mail) with one new message. */
async function oneMessage() {
	await t.db.delete(outbox);
	const org = await buildOrganizer(t.db);
	const { id } = await sendMail(t.db, { organizerId: org.id, to: 'rektor@exempel.se', subject: 'Ämne', body: 'Text' });
	return { org, id };
}

const rowOf = async (id: number) => (await t.db.select().from(outbox).where(eq(outbox.id, id)))[0];

describe('retrying failed mail', () => {
	it('counts a failed attempt, waits a minute, and sends the mail on the retry', async () => {
		const { id } = await oneMessage();
		const { state, transport } = flakyTransport();
		const start = new Date('2026-03-02T08:00:00Z');

		expect(await deliverOutbox(t.db, { transport, from: FROM, now: start })).toEqual({ sent: 0, failed: 1 });
		const failed = await rowOf(id);
		expect(failed).toMatchObject({ attempts: 1, sentAt: null, error: '421 service not available' });
		expect(failed.nextAttemptAt).toEqual(at(start, 1));
		expect(presentOutboxMessage(failed, true)).toMatchObject({ status: 'retrying', attempts: 1, canRetry: true });

		state.failing = false;
		expect(await deliverOutbox(t.db, { transport, from: FROM, now: at(start, 0.5) })).toEqual({ sent: 0, failed: 0 });
		expect(await deliverOutbox(t.db, { transport, from: FROM, now: at(start, 1) })).toEqual({ sent: 1, failed: 0 });
		const sent = await rowOf(id);
		expect(sent).toMatchObject({ attempts: 2, error: null, nextAttemptAt: null });
		expect(sent.sentAt).toEqual(at(start, 1));
		expect(state.sent).toEqual(['rektor@exempel.se']);
		expect(await deliverOutbox(t.db, { transport, from: FROM, now: at(start, 60 * 24) })).toEqual({ sent: 0, failed: 0 });
	});

	it('waits longer after each failure and gives up for good after the last attempt, keeping the error', async () => {
		const { id } = await oneMessage();
		const { state, transport } = flakyTransport();
		let now = new Date('2026-03-02T08:00:00Z');
		const waits: number[] = [];
		for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			expect(await deliverOutbox(t.db, { transport, from: FROM, now })).toEqual({ sent: 0, failed: 1 });
			const row = await rowOf(id);
			expect(row.attempts).toBe(attempt);
			if (row.nextAttemptAt) {
				waits.push((row.nextAttemptAt.getTime() - now.getTime()) / MIN);
				now = row.nextAttemptAt;
			}
		}
		expect(waits).toEqual([1, 5, 30, 120, 720]);
		const given = await rowOf(id);
		expect(given).toMatchObject({ attempts: MAX_ATTEMPTS, nextAttemptAt: null, sentAt: null, error: '421 service not available' });
		expect(presentOutboxMessage(given, true)).toMatchObject({ status: 'failed', canRetry: true });

		state.failing = false;
		expect(await deliverOutbox(t.db, { transport, from: FROM, now: at(now, 60 * 24 * 30) })).toEqual({ sent: 0, failed: 0 });
		expect(state.tries).toBe(MAX_ATTEMPTS);
	});

	it('treats a claim left "sending" for over ten minutes as one failed attempt and sends the mail again', async () => {
		const { id } = await oneMessage();
		const start = new Date('2026-03-02T08:00:00Z');
		// A process claimed the row and died before it could report back.
		const crashing: MailTransport = { sendMail: () => new Promise(() => {}) };
		void deliverOutbox(t.db, { transport: crashing, from: FROM, now: start });
		await expect.poll(async () => (await rowOf(id)).error).toBe(SENDING);

		const { state, transport } = flakyTransport();
		state.failing = false;
		expect(await deliverOutbox(t.db, { transport, from: FROM, now: at(start, 9) })).toEqual({ sent: 0, failed: 0 });
		expect(presentOutboxMessage(await rowOf(id), true).status).toBe('sending');

		expect(await deliverOutbox(t.db, { transport, from: FROM, now: at(start, 10) })).toEqual({ sent: 1, failed: 0 });
		expect(await rowOf(id)).toMatchObject({ attempts: 2, error: null });
		expect(state.sent).toEqual(['rektor@exempel.se']);
	});

	it('gives up on a stale claim that was already the last attempt', async () => {
		const { id } = await oneMessage();
		const start = new Date('2026-03-02T08:00:00Z');
		await t.db.update(outbox).set({ error: SENDING, attempts: MAX_ATTEMPTS, nextAttemptAt: start }).where(eq(outbox.id, id));
		const { state, transport } = flakyTransport();
		expect(await deliverOutbox(t.db, { transport, from: FROM, now: at(start, 1) })).toEqual({ sent: 0, failed: 0 });
		expect(await rowOf(id)).toMatchObject({ error: INTERRUPTED, nextAttemptAt: null, attempts: MAX_ATTEMPTS });
		expect(state.tries).toBe(0);
	});

	it('never sends one row twice when two deliveries run at the same time', async () => {
		await t.db.delete(outbox);
		const org = await buildOrganizer(t.db);
		for (let n = 1; n <= 12; n++) await sendMail(t.db, { organizerId: org.id, to: `m${n}@exempel.se`, subject: `Ämne ${n}`, body: 'Text' });
		const delivered: string[] = [];
		const slow: MailTransport = {
			async sendMail(m) {
				await new Promise((r) => setTimeout(r, 5));
				delivered.push(m.to);
			}
		};
		const [a, b] = await Promise.all([
			deliverOutbox(t.db, { transport: slow, from: FROM }),
			deliverOutbox(t.db, { transport: slow, from: FROM })
		]);
		expect(a.sent + b.sent).toBe(12);
		expect(delivered).toHaveLength(12);
		expect(new Set(delivered).size).toBe(12);
	});
});

describe('trying a failed mail again now', () => {
	it('lets the administrator make a given-up mail due now, audited, and the next run sends it', async () => {
		const { org, id } = await oneMessage();
		const start = new Date('2026-03-02T08:00:00Z');
		await t.db
			.update(outbox)
			.set({ error: '550 mailbox unavailable', attempts: MAX_ATTEMPTS, nextAttemptAt: null })
			.where(eq(outbox.id, id));
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: org.id }]);

		await retryOutboxMessage(t.db, { actor: admin, organizerId: org.id, id, now: start });
		expect(await rowOf(id)).toMatchObject({ nextAttemptAt: start, error: '550 mailbox unavailable' });
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'outbox.retry'), eq(auditEvents.entityId, String(id))));
		expect(audit).toMatchObject({ organizerId: org.id, actorId: admin.personId, entityType: 'outbox' });
		expect(audit.changes).toMatchObject({ status: ['failed', 'retrying'] });

		const { state, transport } = flakyTransport();
		state.failing = false;
		expect(await deliverOutbox(t.db, { transport, from: FROM, now: start })).toEqual({ sent: 1, failed: 0 });
	});

	it('refuses a mail that has not failed, other organizers’ mail, and people who may not read the outbox', async () => {
		const { org, id } = await oneMessage();
		const other = await buildOrganizer(t.db);
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: org.id }]);
		const otherAdmin = await buildActor(t.db, [{ role: 'org_admin', organizerId: other.id }]);
		const staff = await buildActor(t.db, [{ role: 'staff', organizerId: org.id }]);
		const before = await rowOf(id);

		const notFailed = await retryOutboxMessage(t.db, { actor: admin, organizerId: org.id, id }).catch((e) => e);
		expect(notFailed).toMatchObject({ code: 'CONFLICT', issues: [{ field: 'retry', message: 'notify_outbox_error_not_failed' }] });
		await t.db.update(outbox).set({ error: '550', nextAttemptAt: null, attempts: 1 }).where(eq(outbox.id, id));
		const elsewhere = await retryOutboxMessage(t.db, { actor: otherAdmin, organizerId: other.id, id }).catch((e) => e);
		expect(elsewhere.code).toBe('NOT_FOUND');
		const forbidden = await retryOutboxMessage(t.db, { actor: staff, organizerId: org.id, id }).catch((e) => e);
		expect(forbidden.code).toBe('FORBIDDEN');

		expect((await rowOf(id)).nextAttemptAt).toBeNull();
		expect(before.nextAttemptAt).toBeNull();
		expect(
			await t.db
				.select()
				.from(auditEvents)
				.where(and(eq(auditEvents.action, 'outbox.retry'), eq(auditEvents.entityId, String(id))))
		).toEqual([]);
	});
});

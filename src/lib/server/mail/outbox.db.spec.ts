// Covers: deliverOutbox, findOutboxMessages, getOutboxMessageById, sendMail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildOrganizer } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import { outbox } from '../db/schema';
import { deliverOutbox, type MailTransport } from './deliver-outbox';
import { findOutboxMessages } from './find-outbox-messages';
import { getOutboxMessageById } from './get-outbox-message';
import { sendMail } from './send-mail';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const mail = (organizerId: string, n: number) => ({ organizerId, to: `mottagare${n}@exempel.se`, subject: `Ämne ${n}`, body: `Text ${n}` });

describe('the outbox', () => {
	it('keeps a mail only when the transaction that wrote it commits', async () => {
		const org = await buildOrganizer(h.db);
		await h.db
			.transaction(async (tx) => {
				await sendMail(tx, mail(org.id, 1));
				throw new Error('rollback');
			})
			.catch(() => null);
		expect(await h.db.select().from(outbox).where(eq(outbox.organizerId, org.id))).toHaveLength(0);
		await h.db.transaction((tx) => sendMail(tx, mail(org.id, 2)));
		expect(await h.db.select().from(outbox).where(eq(outbox.organizerId, org.id))).toHaveLength(1);
	});

	it('shows each organizer’s administrators only their own mail, newest first, a page at a time', async () => {
		const a = await buildOrganizer(h.db);
		const b = await buildOrganizer(h.db);
		for (let n = 1; n <= 5; n++) await sendMail(h.db, mail(a.id, n));
		const theirs = await sendMail(h.db, mail(b.id, 99));
		const adminA = await buildActor(h.db, [{ role: 'org_admin', organizerId: a.id }]);

		const first = await findOutboxMessages(h.db, { actor: adminA, organizerId: a.id, limit: 3 });
		expect(first.rows.map((r) => r.subject)).toEqual(['Ämne 5', 'Ämne 4', 'Ämne 3']);
		const second = await findOutboxMessages(h.db, { actor: adminA, organizerId: a.id, limit: 3, before: first.nextBefore });
		expect(second.rows.map((r) => r.subject)).toEqual(['Ämne 2', 'Ämne 1']);
		expect(second.nextBefore).toBeNull();

		const tampered = await getOutboxMessageById(h.db, { actor: adminA, organizerId: a.id, id: theirs.id }).catch((e) => e);
		expect(tampered.code).toBe('NOT_FOUND');
		const own = await getOutboxMessageById(h.db, { actor: adminA, organizerId: a.id, id: first.rows[0].id });
		expect(own.body).toBe('Text 5');
	});

	it('is closed to people who are not organization administrators, and to other organizers’ administrators', async () => {
		const a = await buildOrganizer(h.db);
		const b = await buildOrganizer(h.db);
		const staff = await buildActor(h.db, [{ role: 'staff', organizerId: a.id }]);
		const adminB = await buildActor(h.db, [{ role: 'org_admin', organizerId: b.id }]);
		for (const actor of [staff, adminB]) {
			const e = await findOutboxMessages(h.db, { actor, organizerId: a.id }).catch((x) => x);
			expect(e.code).toBe('FORBIDDEN');
		}
	});
});

describe('delivering the outbox', () => {
	it('sends unsent mail once, marks it sent, and records a failure on the row', async () => {
		const org = await buildOrganizer(h.db);
		await h.db.delete(outbox); // start from an empty outbox: delivery takes every organizer's mail
		const ok = await sendMail(h.db, mail(org.id, 1));
		const bad = await sendMail(h.db, { ...mail(org.id, 2), to: 'studsar@exempel.se' });
		const delivered: string[] = [];
		const transport: MailTransport = {
			async sendMail(m) {
				if (m.to === 'studsar@exempel.se') throw new Error('550 mailbox unavailable');
				delivered.push(`${m.from} → ${m.to}: ${m.subject}`);
			}
		};
		expect(await deliverOutbox(h.db, { transport, from: 'rodtrad@exempel.se' })).toEqual({ sent: 1, failed: 1 });
		expect(delivered).toEqual(['rodtrad@exempel.se → mottagare1@exempel.se: Ämne 1']);
		const [okRow] = await h.db.select().from(outbox).where(eq(outbox.id, ok.id));
		const [badRow] = await h.db.select().from(outbox).where(eq(outbox.id, bad.id));
		expect(okRow.sentAt).toBeInstanceOf(Date);
		expect(okRow.error).toBeNull();
		expect(badRow.sentAt).toBeNull();
		expect(badRow.error).toContain('550');

		expect(await deliverOutbox(h.db, { transport, from: 'rodtrad@exempel.se' })).toEqual({ sent: 0, failed: 0 });
		expect(delivered).toHaveLength(1);
	});
});

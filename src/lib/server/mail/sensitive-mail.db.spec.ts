// Covers: deliverOutbox, getOutboxMessageById, presentOutboxMessage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildOrganizer, buildPerson } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import { outbox } from '../db/schema';
import { requestPasswordReset } from '../auth/request-password-reset';
import { deliverOutbox, type MailTransport } from './deliver-outbox';
import { getOutboxMessageById } from './get-outbox-message';
import { presentOutboxMessage } from './present-outbox-message';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

describe('mail with a one-time link (issue 12, finding 5)', () => {
	it('is never shown to the organizer’s administrator, and its body is emptied once delivered', async () => {
		const org = await buildOrganizer(h.db);
		await buildPerson(h.db, { name: 'Hemlig Henrik', email: 'henrik.hemlig@exempel.se', memberOf: org.id });
		await (
			await requestPasswordReset(h.db, { email: 'henrik.hemlig@exempel.se', ip: '10.9.0.1', origin: 'https://x.se' })
		).issued;
		const [row] = await h.db.select().from(outbox).where(eq(outbox.toAddress, 'henrik.hemlig@exempel.se'));
		expect(row.sensitive).toBe(true);
		expect(row.body).toContain('/aterstall-losenord/');

		// What the outbox page gets: no link anywhere.
		const admin = await buildActor(h.db, [{ role: 'org_admin', organizerId: org.id }]);
		const read = await getOutboxMessageById(h.db, { actor: admin, organizerId: org.id, id: row.id });
		expect(JSON.stringify(read)).not.toContain('aterstall-losenord');
		const shown = presentOutboxMessage({ ...read, body: row.body }, true);
		expect(shown.redacted).toBe(true);
		expect(JSON.stringify(shown)).not.toContain('aterstall-losenord');

		// Delivery sends the whole mail, then empties the stored body.
		const sent: string[] = [];
		const transport: MailTransport = { sendMail: async (m) => void sent.push(`${m.to}\n${m.text}`) };
		await deliverOutbox(h.db, { transport, from: 'rodtrad@x.se' });
		expect(sent.find((s) => s.startsWith('henrik.hemlig@exempel.se'))).toContain('/aterstall-losenord/');
		const [after] = await h.db.select().from(outbox).where(eq(outbox.id, row.id));
		expect(after.sentAt).not.toBeNull();
		expect(after.body).toBe('');
	});
});

// Covers: fileTicket, getAttachment.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildTicket, buildUnit, SAMPLE_FILES } from '../../../../../tests/factories';
import { ticketAttachments, tickets } from '../../db/schema';
import { fileTicket } from './file-ticket';
import { getAttachment } from './get-attachment';

const t = useTestDatabase();
const base = { chain: 'technical', title: 'Skärmen flimrar', description: 'Se bilden.', urgency: 'normal' } as const;
const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);

describe('attachments on a filed case', () => {
	it('stores checked files with the filing step and serves them only to those who see the case', async () => {
		const { ticket, organizerId, unitId, requester } = await buildTicket(t.db);
		const org = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: org.id });
		const me = await buildActor(t.db, [{ role: 'staff', organizerId: org.id, unitId: unit.id }]);
		const filed = await fileTicket(t.db, {
			actor: me,
			organizerId: org.id,
			input: { ...base, unitId: unit.id },
			attachments: [
				{ name: 'skärm.webp', bytes: SAMPLE_FILES.webp },
				{ name: 'kvitto.pdf', bytes: SAMPLE_FILES.pdf }
			]
		});
		const rows = await t.db.select().from(ticketAttachments).where(eq(ticketAttachments.ticketId, filed.id));
		expect(rows.map((r) => [r.fileName, r.contentType, r.organizerId])).toEqual([
			['skärm.webp', 'image/webp', org.id],
			['kvitto.pdf', 'application/pdf', org.id]
		]);
		const got = await getAttachment(t.db, { actor: me, organizerId: org.id, number: filed.number, attachmentId: rows[0].id });
		expect(Buffer.from(got.data).equals(Buffer.from(SAMPLE_FILES.webp))).toBe(true);

		// Another case's id, another person, a made-up or malformed id: all not found.
		const notFound = async (p: Promise<unknown>) => expect(((await p.catch((e) => e)) as { code: string }).code).toBe('NOT_FOUND');
		await notFound(getAttachment(t.db, { actor: requester, organizerId, number: ticket.number, attachmentId: rows[0].id }));
		const colleague = await buildActor(t.db, [{ role: 'staff', organizerId: org.id, unitId: unit.id }]);
		await notFound(getAttachment(t.db, { actor: colleague, organizerId: org.id, number: filed.number, attachmentId: rows[0].id }));
		await notFound(
			getAttachment(t.db, { actor: me, organizerId: org.id, number: filed.number, attachmentId: '00000000-0000-4000-8000-000000000000' })
		);
		await notFound(getAttachment(t.db, { actor: me, organizerId: org.id, number: filed.number, attachmentId: 'inte-ett-id' }));
		expect(unitId).toBeTruthy();
	});

	it('files nothing when one of the files is disguised, too large or one too many', async () => {
		const org = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: org.id });
		const me = await buildActor(t.db, [{ role: 'staff', organizerId: org.id, unitId: unit.id }]);
		const big = new Uint8Array(2 * 1024 * 1024 + 1);
		big.set(SAMPLE_FILES.png);
		const cases = [
			{
				files: [
					{ name: 'ok.png', bytes: SAMPLE_FILES.png },
					{ name: 'program.png', bytes: exe }
				],
				message: 'tickets_error_attachment_type'
			},
			{
				files: [{ name: 'sida.png', bytes: new TextEncoder().encode('<html><script>x()</script>') }],
				message: 'tickets_error_attachment_type'
			},
			{ files: [{ name: 'stor.png', bytes: big }], message: 'tickets_error_attachment_too_large' },
			{ files: Array.from({ length: 4 }, () => ({ name: 'a.pdf', bytes: SAMPLE_FILES.pdf })), message: 'tickets_error_attachment_count' }
		];
		for (const c of cases) {
			const err = await fileTicket(t.db, {
				actor: me,
				organizerId: org.id,
				input: { ...base, unitId: unit.id },
				attachments: c.files
			}).catch((e) => e);
			expect(err.issues).toEqual([{ field: 'attachments', message: c.message }]);
		}
		expect(await t.db.select().from(tickets).where(eq(tickets.organizerId, org.id))).toEqual([]);
	});
});

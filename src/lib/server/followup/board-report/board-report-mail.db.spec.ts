// Covers: addBoardReader, removeBoardReader, findBoardReaders, sendBoardReportMail.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer } from '../../../../../tests/factories';
import { outbox, people } from '../../db/schema';
import { addBoardReader, findBoardReaders, removeBoardReader } from './board-readers';
import { generateBoardReport } from './generate-board-report';
import { sendBoardReportMail } from './send-board-report-mail';

const t = useTestDatabase();

describe('the term copy of the board report', () => {
	it('mails each named reader a link to the newest report once a term, and only people of the organizer', async () => {
		const organizer = await buildOrganizer(t.db);
		const leader = await buildActor(t.db, [{ role: 'leadership', organizerId: organizer.id }]);
		const politician = await buildActor(t.db, [{ role: 'reader', organizerId: organizer.id }]);
		const outsider = await buildActor(t.db, [{ role: 'reader', organizerId: (await buildOrganizer(t.db)).id }]);
		const emailOf = async (personId: string) =>
			(await t.db.select({ email: people.email }).from(people).where(eq(people.id, personId)))[0].email;
		await addBoardReader(t.db, { actor: leader, organizerId: organizer.id, email: (await emailOf(politician.personId)).toUpperCase() });
		await expect(
			addBoardReader(t.db, { actor: leader, organizerId: organizer.id, email: await emailOf(outsider.personId) })
		).rejects.toMatchObject({ code: 'INVALID', issues: [{ field: 'email', message: 'board_error_reader_unknown' }] });
		await expect(addBoardReader(t.db, { actor: politician, organizerId: organizer.id, email: 'x@example.org' })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		expect((await findBoardReaders(t.db, { actor: leader, organizerId: organizer.id })).map((r) => r.personId)).toEqual([
			politician.personId
		]);

		const { id } = await generateBoardReport(t.db, { actor: leader, organizer, input: { from: '2026-08-01', to: '2026-12-31' } });
		const mails = async () =>
			t.db
				.select()
				.from(outbox)
				.where(and(eq(outbox.organizerId, organizer.id), eq(outbox.toAddress, await emailOf(politician.personId))));
		await sendBoardReportMail(t.db, new Date('2027-01-10T08:00:00Z'));
		const [mail, ...more] = await mails();
		expect(more).toEqual([]);
		expect(mail.body).toContain(`/uppfoljning/namndrapport/${id}`);
		expect(mail.subject).toContain('HT 2026');

		// The same term: a second run, even after a newer report, sends nothing more.
		await generateBoardReport(t.db, { actor: leader, organizer, input: { from: '2026-09-01', to: '2026-12-31' } });
		await sendBoardReportMail(t.db, new Date('2027-01-11T08:00:00Z'));
		expect(await mails()).toHaveLength(1);
		// The next term with a new report: one more.
		await sendBoardReportMail(t.db, new Date('2027-08-20T08:00:00Z'));
		expect(await mails()).toHaveLength(2);

		await removeBoardReader(t.db, { actor: leader, organizerId: organizer.id, personId: politician.personId });
		expect(await findBoardReaders(t.db, { actor: leader, organizerId: organizer.id })).toEqual([]);
	});
});

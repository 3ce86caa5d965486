// Covers: sendAgreementReminders, findNotifications (agreement_expiring).
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildAgreement, buildOrganizer, buildTool } from '../../../../tests/factories';
import { notificationPreferences, notifications, outbox } from '../db/schema';
import { findNotifications } from '../notifications/find-notifications';
import { sendAgreementReminders } from './send-agreement-reminders';

const t = useTestDatabase();
// 06:35 Stockholm time on 2027-03-10.
const NOW = new Date('2027-03-10T05:35:00Z');

async function setup() {
	const organizer = await buildOrganizer(t.db);
	const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: organizer.id }]);
	const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: organizer.id }]);
	const owner = await buildActor(t.db, [{ role: 'leadership', organizerId: organizer.id }]);
	// A teacher and a unit-level central role are no keepers of the register.
	await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id }]);
	return { organizer, central, admin, owner };
}
const remindersOf = (personId: string) =>
	t.db
		.select()
		.from(notifications)
		.where(and(eq(notifications.personId, personId), eq(notifications.kind, 'agreement_expiring')));

describe('reminders of agreements that run out', () => {
	it('tell the owner once per end date within 60 days, not earlier, and not when a renewal takes over', async () => {
		const s = await setup();
		const opts = { organizerId: s.organizer.id };
		const ending = await buildTool(t.db, { organizerId: s.organizer.id, name: 'Skrivstöd', ownerId: s.owner.personId });
		await buildAgreement(t.db, { organizerId: s.organizer.id, toolId: ending.id, createdBy: s.central.personId, validTo: '2027-05-09' });
		const later = await buildTool(t.db, { organizerId: s.organizer.id, ownerId: s.owner.personId });
		await buildAgreement(t.db, { organizerId: s.organizer.id, toolId: later.id, createdBy: s.central.personId, validTo: '2027-05-10' });
		const renewed = await buildTool(t.db, { organizerId: s.organizer.id, ownerId: s.owner.personId });
		await buildAgreement(t.db, { organizerId: s.organizer.id, toolId: renewed.id, createdBy: s.central.personId, validTo: '2027-04-01' });
		await buildAgreement(t.db, {
			organizerId: s.organizer.id,
			toolId: renewed.id,
			createdBy: s.central.personId,
			validFrom: '2027-03-01',
			validTo: '2030-03-01'
		});

		expect(await sendAgreementReminders(t.db, NOW, opts)).toEqual({ sent: 1 });
		expect(await sendAgreementReminders(t.db, NOW, opts)).toEqual({ sent: 0 });
		const [reminder] = await remindersOf(s.owner.personId);
		expect(reminder).toMatchObject({ email: 'digest', params: { title: 'Skrivstöd', tool: ending.id, endsOn: '2027-05-09' } });
		// The owner alone: the keepers hear nothing of a tool that has an owner.
		expect(await remindersOf(s.central.personId)).toEqual([]);

		const [item] = await findNotifications(t.db, { actor: s.owner, locale: 'sv' });
		expect(item.text).toContain('”Skrivstöd” går ut 2027-05-09');
		expect(item.href).toBe(`/${s.organizer.slug}/appar/register/${ending.id}`);

		// The next day the second tool enters the window.
		expect(await sendAgreementReminders(t.db, new Date('2027-03-11T05:35:00Z'), opts)).toEqual({ sent: 1 });
	});

	it('tells the organizer-wide keepers when the tool has no owner, by mail at once for one who chose so', async () => {
		const s = await setup();
		await t.db.insert(notificationPreferences).values({ personId: s.admin.personId, kind: 'agreement_expiring', email: 'immediate' });
		const tool = await buildTool(t.db, { organizerId: s.organizer.id, name: 'Frånvarokollen' });
		await buildAgreement(t.db, { organizerId: s.organizer.id, toolId: tool.id, createdBy: s.central.personId, validTo: '2027-03-20' });
		expect(await sendAgreementReminders(t.db, NOW, { organizerId: s.organizer.id })).toEqual({ sent: 2 });
		expect((await remindersOf(s.central.personId)).map((n) => n.email)).toEqual(['digest']);
		expect((await remindersOf(s.admin.personId)).map((n) => n.email)).toEqual(['immediate']);
		const mails = await t.db.select().from(outbox).where(eq(outbox.organizerId, s.organizer.id));
		expect(mails).toHaveLength(1);
		expect(mails[0].subject).toBe('Avtalet för ”Frånvarokollen” går snart ut');
		expect(mails[0].body).toContain(`/appar/register/${tool.id}`);
	});
});

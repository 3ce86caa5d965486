// Covers: deliverChannelPosts, sendNotificationDigests, getNotificationPreferences, saveNotificationPreferences, getTeamChannels, saveTeamChannels, sendTestChannelPost, countUnreadNotifications, findNotifications, markNotificationsRead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildHandlingScene } from '../../../../tests/support-handling';
import { buildActor, buildOrganizer, buildPerson, buildTicket, buildUnit } from '../../../../tests/factories';
import { startWebhookReceiver, type WebhookReceiver } from '../../../../tests/webhook-receiver';
import { patchTicket, setEventTimes, stockholm } from '../../../../tests/support-timeline';
import { auditEvents, channelPosts, notifications, outbox, people, supportSlaTargets, supportTeamMembers } from '../db/schema';
import { escalateTicket } from '../support/handling/escalate-ticket';
import { assignTicket } from '../support/handling/assign-ticket';
import { respondToTicket } from '../support/tickets/respond-to-ticket';
import { refreshTicketSla } from '../support/sla-refresh/refresh-ticket-sla';
import { deliverChannelPosts } from './deliver-channel-posts';
import { sendNotificationDigests } from './send-notification-digests';
import { getNotificationPreferences, saveNotificationPreferences } from './notification-preferences';
import { getTeamChannels, saveTeamChannels, sendTestChannelPost } from './team-channels';
import { countUnreadNotifications, findNotifications } from './find-notifications';
import { markNotificationsRead } from './mark-notifications-read';
import type { Actor } from '../policies';

const t = useTestDatabase();
let hooks: WebhookReceiver;
beforeAll(async () => {
	hooks = await startWebhookReceiver();
});
afterAll(() => hooks.close());

const notesOf = (personId: string) =>
	t.db.select().from(notifications).where(eq(notifications.personId, personId)).orderBy(notifications.id);
const mailsTo = (email: string) => t.db.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(outbox.id);
const emailOf = async (id: string) => (await t.db.select({ email: people.email }).from(people).where(eq(people.id, id)))[0].email;
const why = 'Garantiärende hos leverantören.';

/** A case at line 2, held by the line-2 team, with chat channels on the supplier team. */
async function sceneAtLineTwo(stamp: string) {
	const s = await buildHandlingScene(t.db);
	const opts = { organizerId: s.organizerId, number: s.number };
	await escalateTicket(t.db, {
		...opts,
		actor: s.keyPerson,
		input: { fromLine: 1, teamId: s.line2.team.id, reason: 'Behöver central hjälp.' }
	});
	const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: s.organizerId }]);
	await saveTeamChannels(t.db, {
		actor: admin,
		organizerId: s.organizerId,
		teamId: s.line3.team.id,
		input: { teamsUrl: hooks.url(`/teams/${stamp}`), googleChatUrl: hooks.url(`/chat/${stamp}`) }
	});
	return { s, opts, admin };
}

describe('notifications of a case event', () => {
	it('tells the supplier team of an escalation in the app and by mail, queues a post per channel, and tells neither the actor nor outsiders', async () => {
		const { s, opts } = await sceneAtLineTwo('esc');
		const inactive = await buildPerson(t.db, { status: 'inactive' });
		await t.db.insert(supportTeamMembers).values({ teamId: s.line3.team.id, personId: inactive.id });
		const outsider = await buildActor(t.db, [{ role: 'staff', organizerId: s.organizerId, unitId: s.unit.id }]);

		await escalateTicket(t.db, { ...opts, actor: s.line2.actor, input: { fromLine: 2, teamId: s.line3.team.id, reason: why } });

		expect(await notesOf(s.line3.actor.personId)).toMatchObject([
			{ kind: 'escalated', ticketId: s.ticket.id, email: 'immediate', params: { number: s.number, line: 3 } }
		]);
		expect((await notesOf(s.line3.actor.personId))[0].emailedAt).not.toBeNull();
		const mail = (await mailsTo(await emailOf(s.line3.actor.personId))).at(-1);
		expect(mail?.body).toContain(`Ärende ${s.number} har eskalerats till ditt team (linje 3)`);
		expect(mail?.body).toMatch(new RegExp(`/support/${s.number}\\n`));
		// The line-2 member heard of the escalation to their own team, not of the one they made.
		expect((await notesOf(s.line2.actor.personId)).map((n) => [n.kind, n.params.line])).toEqual([['escalated', 2]]);
		expect(await notesOf(inactive.id)).toEqual([]);
		expect(await notesOf(outsider.personId)).toEqual([]);

		const posts = await t.db.select().from(channelPosts).where(eq(channelPosts.ticketId, s.ticket.id));
		expect(posts.map((p) => p.channel).sort()).toEqual(['google_chat', 'teams']);
		expect(JSON.stringify(posts.map((p) => p.payload))).not.toContain(s.line2.actor.name);
	});

	it('tells line 1 of a new case (those who may work it) and gives the requester a receipt by mail', async () => {
		const org = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: org.id });
		const otherUnit = await buildUnit(t.db, { organizerId: org.id });
		const key = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org.id, unitId: unit.id }]);
		const elsewhere = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org.id, unitId: otherUnit.id }]);
		const pedagogical = await buildActor(t.db, [{ role: 'pedagogical_key_person', organizerId: org.id, unitId: unit.id }]);
		const { ticket, requester } = await buildTicket(t.db, { organizerId: org.id, unitId: unit.id });

		expect(await notesOf(key.personId)).toMatchObject([{ kind: 'new_case', email: 'none', emailedAt: null }]);
		expect(await notesOf(elsewhere.personId)).toEqual([]);
		expect(await notesOf(pedagogical.personId)).toEqual([]);
		expect(await notesOf(requester.personId)).toMatchObject([{ kind: 'receipt', email: 'immediate' }]);
		const receipt = await mailsTo(await emailOf(requester.personId));
		expect(receipt).toHaveLength(1);
		expect(receipt[0].body).toContain(`Vi har tagit emot ditt ärende ${ticket.number}: ${ticket.title}`);
		expect(receipt[0].subject).toBe(`Ärende ${ticket.number} är mottaget: ${ticket.title}`);
	});

	it('tells the new assignee but not one who takes the case themselves, and the assignee when the requester replies', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { organizerId: s.organizerId, number: s.number };
		await assignTicket(t.db, { ...opts, actor: s.keyPerson, input: { assigneeId: s.keyPerson.personId } });
		expect((await notesOf(s.keyPerson.personId)).filter((n) => n.kind === 'assigned')).toEqual([]);
		await assignTicket(t.db, { ...opts, actor: s.keyPerson, input: { assigneeId: s.central.personId } });
		expect((await notesOf(s.central.personId)).map((n) => n.kind)).toContain('assigned');

		const before = (await mailsTo(await emailOf(s.central.personId))).length;
		await respondToTicket(t.db, {
			actor: s.requester,
			organizerId: s.organizerId,
			number: s.number,
			input: { body: 'Nu blinkar den grönt.' }
		});
		expect((await notesOf(s.central.personId)).map((n) => n.kind)).toContain('requester_reply');
		// The support case mail (the handler's mail) stands for it: one mail, not two.
		expect((await mailsTo(await emailOf(s.central.personId))).length).toBe(before + 1);
	});

	it('warns whoever holds the case once when its deadline nears and tells them of a breach once', async () => {
		const org = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: org.id });
		const key = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org.id, unitId: unit.id }]);
		await t.db.insert(supportSlaTargets).values({ organizerId: org.id, chain: 'technical', urgency: 'normal', firstResponseMinutes: 60 });
		const { ticket } = await buildTicket(t.db, { organizerId: org.id, unitId: unit.id });
		await setEventTimes(t.db, ticket.id, [stockholm('2026-11-16 08:00')]);
		for (const at of ['2026-11-16 08:50', '2026-11-16 08:55', '2026-11-16 10:00', '2026-11-16 11:00']) {
			await refreshTicketSla(t.db, await patchTicket(t.db, ticket.id), { now: stockholm(at) });
		}
		expect((await notesOf(key.personId)).map((n) => n.kind)).toEqual(['new_case', 'sla_at_risk', 'sla_breached']);
	});
});

describe('team channels', () => {
	it('delivers posts to Teams (202) and Google Chat (200) from the job, and records a failure for the team page', async () => {
		const { s, opts, admin } = await sceneAtLineTwo('deliver');
		await escalateTicket(t.db, { ...opts, actor: s.line2.actor, input: { fromLine: 2, teamId: s.line3.team.id, reason: why } });
		const result = await deliverChannelPosts(t.db);
		expect(result.failed).toBe(0);
		const got = hooks.received.filter((r) => r.path.endsWith('/deliver'));
		expect(got.map((r) => [r.path, r.status]).sort()).toEqual([
			['/chat/deliver', 200],
			['/teams/deliver', 202]
		]);
		expect(got.find((r) => r.path === '/chat/deliver')?.body).toMatchObject({ thread: { threadKey: `${s.organizerId}-${s.number}` } });
		const sent = await t.db.select().from(channelPosts).where(eq(channelPosts.ticketId, s.ticket.id));
		expect(sent.every((p) => p.sentAt !== null)).toBe(true);
		const team = { actor: admin, organizerId: s.organizerId, teamId: s.line3.team.id };
		expect(await getTeamChannels(t.db, team)).toMatchObject({ teamsEnding: 'eliver', lastFailure: null });

		await saveTeamChannels(t.db, { ...team, input: { teamsUrl: hooks.url('/fail/x'), removeGoogleChat: 'on' } });
		await sendTestChannelPost(t.db, team);
		expect((await deliverChannelPosts(t.db)).failed).toBe(1);
		expect((await getTeamChannels(t.db, team)).lastFailure).toMatchObject({ error: 'HTTP 500' });
		expect((await getTeamChannels(t.db, team)).googleChatEnding).toBeNull();
		// Retried later, not at once.
		expect((await deliverChannelPosts(t.db)).failed).toBe(0);
		const audits = await t.db
			.select()
			.from(auditEvents)
			.where(
				and(
					eq(auditEvents.entityId, s.line3.team.id),
					inArray(auditEvents.action, ['notifications.team_channels_update', 'notifications.team_channels_test'])
				)
			);
		expect(audits).toHaveLength(3);
		expect(JSON.stringify(audits.map((a) => a.changes))).not.toContain('127.0.0.1');
	});

	it('refuses an http address to another machine beside the field, and keeps what was saved', async () => {
		const { s, admin } = await sceneAtLineTwo('refuse');
		const team = { actor: admin, organizerId: s.organizerId, teamId: s.line3.team.id };
		const err = await saveTeamChannels(t.db, { ...team, input: { teamsUrl: 'http://hooks.example.com/x' } }).catch((e) => e);
		expect(err).toMatchObject({ code: 'INVALID', issues: [{ field: 'teamsUrl', message: 'notifications_error_https' }] });
		expect((await getTeamChannels(t.db, team)).teamsEnding).toBe('refuse');
		const stranger = await sendTestChannelPost(t.db, { ...team, actor: s.line3.actor }).catch((e) => e);
		expect(stranger.code).toBe('FORBIDDEN');
	});
});

describe('preferences and the digest', () => {
	it('saves a person’s choices (audited), and collects digest notifications into one mail marked sent', async () => {
		const { s, opts } = await sceneAtLineTwo('digest');
		const supplier: Actor = s.line3.actor;
		expect((await getNotificationPreferences(t.db, { actor: supplier })).find((p) => p.kind === 'escalated')).toEqual({
			kind: 'escalated',
			email: 'immediate',
			chosen: false
		});
		const input = {
			new_case: 'off',
			assigned: 'digest',
			escalated: 'digest',
			requester_reply: 'immediate',
			sla_at_risk: 'off',
			sla_breached: 'digest',
			receipt: 'immediate',
			sent_back: 'immediate',
			chased: 'immediate',
			article_review: 'digest',
			qa_duty: 'immediate',
			qa_answer: 'digest',
			agreement_expiring: 'digest',
			receipt_unsigned: 'immediate'
		};
		expect(await saveNotificationPreferences(t.db, { actor: supplier, input })).toBeGreaterThan(0);
		expect((await getNotificationPreferences(t.db, { actor: supplier })).find((p) => p.kind === 'escalated')).toEqual({
			kind: 'escalated',
			email: 'digest',
			chosen: true
		});
		const bad = await saveNotificationPreferences(t.db, { actor: supplier, input: { ...input, assigned: 'loud' } }).catch((e) => e);
		expect(bad).toMatchObject({ code: 'INVALID', issues: [{ field: 'assigned' }] });
		const audits = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.actorId, supplier.personId), eq(auditEvents.action, 'notifications.preferences_update')));
		expect(audits).toHaveLength(1);

		const email = await emailOf(supplier.personId);
		const mailsBefore = (await mailsTo(email)).length;
		await escalateTicket(t.db, { ...opts, actor: s.line2.actor, input: { fromLine: 2, teamId: s.line3.team.id, reason: why } });
		expect(await notesOf(supplier.personId)).toMatchObject([{ kind: 'escalated', email: 'digest', emailedAt: null }]);
		expect((await mailsTo(email)).length).toBe(mailsBefore);

		await sendNotificationDigests(t.db);
		const digest = (await mailsTo(email)).slice(mailsBefore);
		expect(digest).toHaveLength(1);
		expect(digest[0].subject).toBe('Dina aviseringar från Rödtråd (1)');
		expect(digest[0].body).toContain(`Ärende ${s.number} har eskalerats till ditt team`);
		expect((await notesOf(supplier.personId))[0].emailedAt).not.toBeNull();
		await sendNotificationDigests(t.db);
		expect((await mailsTo(email)).length).toBe(mailsBefore + 1);
	});

	it('lists a person’s own notifications newest first and marks them read, one or all', async () => {
		const { s, opts } = await sceneAtLineTwo('read');
		await escalateTicket(t.db, { ...opts, actor: s.line2.actor, input: { fromLine: 2, teamId: s.line3.team.id, reason: why } });
		const supplier = s.line3.actor;
		const [item] = await findNotifications(t.db, { actor: supplier, locale: 'en' });
		expect(item).toMatchObject({
			unread: true,
			href: `/${s.org.slug}/support/${s.number}`,
			text: expect.stringContaining(`Case ${s.number} was escalated`)
		});
		expect(await countUnreadNotifications(t.db, supplier.personId)).toBe(1);
		const other = await markNotificationsRead(t.db, { actor: s.line2.actor, id: item.id }).catch((e) => e);
		expect(other.code).toBe('NOT_FOUND');
		expect(await markNotificationsRead(t.db, { actor: supplier, id: item.id })).toBe(1);
		expect(await countUnreadNotifications(t.db, supplier.personId)).toBe(0);
		expect(await markNotificationsRead(t.db, { actor: supplier })).toBe(0);
	});
});

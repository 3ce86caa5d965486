// Covers: createForum, createMeeting, createDecision, changeDecisionStatus, getMeeting, saveMinutes, publishMinutes, findForums, findNextMeetings, findOpenDecisions, loadDecisionForm, updateForum, getForum, loadForumForm, moveMeeting, removeMeeting.
import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../../tests/factories';
import {
	auditEvents,
	outbox,
	people,
	planningActions,
	planningDecisions,
	planningMeetingItems,
	planningMeetings,
	units
} from '../../db/schema';
import { isAppError } from '../../errors';
import { createAction } from '../create-action';
import { changeActionStatus } from '../change-action-status';
import { createForum } from './create-forum';
import { createMeeting } from './create-meeting';
import { createDecision } from './create-decision';
import { changeDecisionStatus } from './change-decision-status';
import { getMeeting } from './get-meeting';
import { saveMinutes } from './save-minutes';
import { publishMinutes } from './publish-minutes';
import { findForums } from './find-forums';
import { findNextMeetings } from './find-next-meetings';
import { findOpenDecisions } from './find-open-decisions';
import { loadDecisionForm } from './load-decision-form';
import { updateForum } from './update-forum';
import { getForum } from './get-forum';
import { loadForumForm } from './load-forum-form';
import { moveMeeting } from './move-meeting';
import { removeMeeting } from './remove-meeting';

const t = useTestDatabase();
const TODAY = '2026-03-02';

async function setup() {
	const organizer = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const leader = await buildActor(t.db, [{ role: 'leadership', organizerId: organizer.id }]);
	const key = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: organizer.id, unitId: unit.id }]);
	const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
	const ids = { actor: leader, organizerId: organizer.id };
	const forum = await createForum(t.db, {
		...ids,
		input: { name: `IT-råd ${Math.random()}`, purpose: 'Samordna skolans it', kind: 'strategy', memberIds: [leader.personId, key.personId] }
	});
	const meeting = (day = '2026-02-04', agenda = '') =>
		createMeeting(t.db, { ...ids, forumId: forum.id, input: { day, time: '15:00', agenda }, today: TODAY });
	const action = (responsibleId: string, dueOn: string) =>
		createAction(t.db, {
			...ids,
			period: '2025/26',
			input: { scope: 'organizer', title: `Aktivitet ${Math.random()}`, responsibleId, startsOn: '2025-08-01', dueOn }
		});
	return { organizer, unit, leader, key, teacher, ids, forum, meeting, action };
}

const expectAppError = async (p: Promise<unknown>, code: string) => {
	const e = await p.then(
		() => null,
		(err: unknown) => err
	);
	expect(isAppError(e) && e.code).toBe(code);
	return e as { issues: { field: string; message: string }[] };
};

describe('carry-over onto a new meeting', () => {
	it("opens the agenda with the forum's open decisions and its members' overdue actions, not done ones nor non-members'", async () => {
		const s = await setup();
		const first = await s.meeting();
		const open = await createDecision(t.db, {
			...s.ids,
			forumId: s.forum.id,
			meetingId: first.id,
			input: { text: 'Ta fram en plan för wifi', ownerId: s.key.personId, dueOn: '2026-04-01' }
		});
		const closed = await createDecision(t.db, {
			...s.ids,
			forumId: s.forum.id,
			meetingId: first.id,
			input: { text: 'Köpa projektorer', ownerId: s.key.personId }
		});
		await changeDecisionStatus(t.db, { ...s.ids, forumId: s.forum.id, decisionId: closed.id, status: 'done' });
		const late = await s.action(s.key.personId, '2026-02-01');
		const finished = await s.action(s.key.personId, '2026-02-01');
		await changeActionStatus(t.db, { ...s.ids, actionId: finished.id, input: { status: 'done', note: '' } });
		await s.action(s.key.personId, '2026-05-01');
		await s.action(s.teacher.personId, '2026-01-15');

		const next = await s.meeting('2026-03-04', 'Nya datorer\n\nBudget');
		const details = await getMeeting(t.db, { ...s.ids, forumId: s.forum.id, meetingId: next.id });
		expect(details.items.map((i) => [i.kind, i.title, i.decisionId ?? i.actionId])).toEqual([
			['decision', 'Ta fram en plan för wifi', open.id],
			['overdue', late.title, late.id],
			['item', 'Nya datorer', null],
			['item', 'Budget', null]
		]);
		expect(details.items[0].decisionMeetingId).toBe(first.id);
	});
});

describe('decisions', () => {
	it('can make an action in the forum plan with the owner and due date, written with the decision and audited', async () => {
		const s = await setup();
		const mt = await s.meeting();
		const d = await createDecision(t.db, {
			...s.ids,
			forumId: s.forum.id,
			meetingId: mt.id,
			input: { text: 'Inventera laddskåp', ownerId: s.key.personId, dueOn: '2026-05-30', makeAction: true }
		});
		const [action] = await t.db.select().from(planningActions).where(eq(planningActions.id, d.actionId!));
		expect(action).toMatchObject({ title: 'Inventera laddskåp', responsibleId: s.key.personId, dueOn: '2026-05-30', status: 'planned' });
		const audits = await t.db
			.select()
			.from(auditEvents)
			.where(inArray(auditEvents.entityId, [d.id, action.id]));
		expect(audits.map((a) => a.action).sort()).toEqual(['action.create', 'decision.create']);
	});

	it('writes neither the decision nor the action when the action is refused', async () => {
		const s = await setup();
		const unitForum = await createForum(t.db, {
			...s.ids,
			input: { name: 'Skolans råd', kind: 'delivery', scope: s.unit.id, memberIds: [s.key.personId] }
		});
		const mt = await createMeeting(t.db, { ...s.ids, forumId: unitForum.id, input: { day: '2026-02-04', time: '09:00' } });
		await t.db.update(units).set({ archivedAt: new Date() }).where(eq(units.id, s.unit.id));
		const e = await expectAppError(
			createDecision(t.db, {
				...s.ids,
				forumId: unitForum.id,
				meetingId: mt.id,
				input: { text: 'Byta skrivare', ownerId: s.key.personId, makeAction: true }
			}),
			'INVALID'
		);
		expect(e.issues.map((i) => i.field)).toContain('makeAction');
		expect(await t.db.select().from(planningDecisions).where(eq(planningDecisions.forumId, unitForum.id))).toEqual([]);
		expect(
			await t.db
				.select()
				.from(planningActions)
				.where(and(eq(planningActions.organizerId, s.organizer.id), eq(planningActions.title, 'Byta skrivare')))
		).toEqual([]);
	});

	it('refuses an owner who is not a member of the organizer beside the field', async () => {
		const s = await setup();
		const mt = await s.meeting();
		const stranger = await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: (await buildOrganizer(t.db)).id }] });
		const e = await expectAppError(
			createDecision(t.db, { ...s.ids, forumId: s.forum.id, meetingId: mt.id, input: { text: 'Något', ownerId: stranger.id } }),
			'INVALID'
		);
		expect(e.issues).toEqual([{ field: 'ownerId', message: 'forums_error_owner_member' }]);
		expect(await t.db.select().from(planningDecisions).where(eq(planningDecisions.meetingId, mt.id))).toEqual([]);
	});

	it('offers a principal only the actions of plans they read to link a decision to', async () => {
		const s = await setup();
		const other = await buildUnit(t.db, { organizerId: s.organizer.id });
		const principal = await buildActor(t.db, [{ role: 'principal', organizerId: s.organizer.id, unitId: s.unit.id }]);
		const mine = await createAction(t.db, {
			...s.ids,
			input: { scope: s.unit.id, title: `Egen ${Math.random()}`, responsibleId: s.key.personId }
		});
		const theirs = await createAction(t.db, {
			...s.ids,
			input: { scope: other.id, title: `Annan ${Math.random()}`, responsibleId: s.key.personId }
		});
		const offered = (await loadDecisionForm(t.db, { actor: principal, organizerId: s.organizer.id })).actions.map((a) => a.value);
		expect(offered).toContain(mine.id);
		expect(offered).not.toContain(theirs.id);
	});

	it('are followed up by their owner, a member who does not manage the forum, but not by other members', async () => {
		const s = await setup();
		const mt = await s.meeting();
		const mine = await createDecision(t.db, {
			...s.ids,
			forumId: s.forum.id,
			meetingId: mt.id,
			input: { text: 'Inventera laddvagnar', ownerId: s.key.personId }
		});
		const leaders = await createDecision(t.db, {
			...s.ids,
			forumId: s.forum.id,
			meetingId: mt.id,
			input: { text: 'Budget för licenser', ownerId: s.leader.personId }
		});
		const asKey = { actor: s.key, organizerId: s.organizer.id, forumId: s.forum.id };
		const shown = await getMeeting(t.db, { ...asKey, meetingId: mt.id });
		expect(Object.fromEntries(shown.decisions.map((d) => [d.text, d.canChangeStatus]))).toEqual({
			'Inventera laddvagnar': true,
			'Budget för licenser': false
		});
		expect((await changeDecisionStatus(t.db, { ...asKey, decisionId: mine.id, status: 'done' })).status).toBe('done');
		await expectAppError(changeDecisionStatus(t.db, { ...asKey, decisionId: leaders.id, status: 'done' }), 'FORBIDDEN');
		const [kept] = await t.db.select().from(planningDecisions).where(eq(planningDecisions.id, leaders.id));
		expect(kept.status).toBe('open');
	});

	it('are listed open for reminders, by owner, until done', async () => {
		const s = await setup();
		const mt = await s.meeting();
		const d = await createDecision(t.db, {
			...s.ids,
			forumId: s.forum.id,
			meetingId: mt.id,
			input: { text: 'Följ upp avtalet', ownerId: s.key.personId, dueOn: '2026-03-01' }
		});
		expect(await findOpenDecisions(t.db, { organizerId: s.organizer.id, ownerId: s.key.personId })).toEqual([
			expect.objectContaining({
				id: d.id,
				title: 'Följ upp avtalet',
				dueOn: '2026-03-01',
				ownerId: s.key.personId,
				path: `planering/forum/${s.forum.id}/mote/${mt.id}#beslut`
			})
		]);
		expect(await findOpenDecisions(t.db, { organizerId: s.organizer.id, ownerId: s.teacher.personId })).toEqual([]);
		await changeDecisionStatus(t.db, { ...s.ids, forumId: s.forum.id, decisionId: d.id, status: 'dropped' });
		expect(await findOpenDecisions(t.db, { organizerId: s.organizer.id })).toEqual([]);
	});
});

describe('reading and publishing', () => {
	it("keeps a forum's meetings from a non-member, who sees only that it exists", async () => {
		const s = await setup();
		const mt = await s.meeting();
		await expectAppError(
			getMeeting(t.db, { actor: s.teacher, organizerId: s.organizer.id, forumId: s.forum.id, meetingId: mt.id }),
			'FORBIDDEN'
		);
		const seen = (await findForums(t.db, { actor: s.teacher, organizerId: s.organizer.id })).find((f) => f.id === s.forum.id);
		expect(seen).toMatchObject({ canView: false, purpose: '', memberCount: null, nextMeeting: null });
		expect(
			(await getMeeting(t.db, { actor: s.key, organizerId: s.organizer.id, forumId: s.forum.id, meetingId: mt.id })).forum.canManage
		).toBe(false);
		await expectAppError(
			saveMinutes(t.db, {
				actor: s.key,
				organizerId: s.organizer.id,
				forumId: s.forum.id,
				meetingId: mt.id,
				input: { minutes: {}, presentIds: [], guests: '' }
			}),
			'FORBIDDEN'
		);
	});

	it('mails the minutes once to each member, then locks them', async () => {
		const s = await setup();
		const mt = await s.meeting('2026-02-04', 'Wifi i aulan');
		const item = (await getMeeting(t.db, { ...s.ids, forumId: s.forum.id, meetingId: mt.id })).items[0];
		await saveMinutes(t.db, {
			...s.ids,
			forumId: s.forum.id,
			meetingId: mt.id,
			input: { minutes: { [item.id]: 'Fler accesspunkter behövs.' }, presentIds: [s.leader.personId], guests: 'Leverantören' }
		});
		expect(await publishMinutes(t.db, { ...s.ids, forumId: s.forum.id, meetingId: mt.id })).toBe(2);
		const emails = (
			await t.db
				.select({ email: people.email })
				.from(people)
				.where(inArray(people.id, [s.leader.personId, s.key.personId]))
		).map((p) => p.email);
		const mails = await t.db.select().from(outbox).where(inArray(outbox.toAddress, emails));
		expect(mails.map((m) => m.toAddress).sort()).toEqual([...emails].sort());
		expect(mails[0].subject).toContain(s.forum.name);
		expect(mails[0].body).toContain('Fler accesspunkter behövs.');
		await expectAppError(publishMinutes(t.db, { ...s.ids, forumId: s.forum.id, meetingId: mt.id }), 'CONFLICT');
		await expectAppError(
			saveMinutes(t.db, {
				...s.ids,
				forumId: s.forum.id,
				meetingId: mt.id,
				input: { minutes: { [item.id]: 'Ändrat' }, presentIds: [], guests: '' }
			}),
			'CONFLICT'
		);
		const after = await getMeeting(t.db, { ...s.ids, forumId: s.forum.id, meetingId: mt.id });
		expect(after.items[0].minutes).toBe('Fler accesspunkter behövs.');
		expect(after.members.map((p) => p.present).sort()).toEqual([false, true]);
	});

	it("shows a protected member by a pseudonym and lists the member's next meeting", async () => {
		const s = await setup();
		const hidden = await buildActor(t.db, [{ role: 'staff', organizerId: s.organizer.id, unitId: s.unit.id }], {
			name: 'Hemlig Person',
			protectedIdentity: true
		});
		const forum = await createForum(t.db, {
			...s.ids,
			input: { name: 'Nätverk', kind: 'delivery', memberIds: [s.leader.personId, hidden.personId] }
		});
		const mt = await createMeeting(t.db, { ...s.ids, forumId: forum.id, input: { day: '2099-01-10', time: '10:00' } });
		const details = await getMeeting(t.db, { ...s.ids, forumId: forum.id, meetingId: mt.id });
		expect(details.members.map((p) => p.name)).not.toContain('Hemlig Person');
		expect(await findNextMeetings(t.db, hidden, s.organizer.id)).toEqual([
			expect.objectContaining({ forumId: forum.id, meetingId: mt.id })
		]);
	});
});

describe('changing a forum', () => {
	it('changes name and members for those who run it, audits what changed, and lets a removed member no longer read it', async () => {
		const s = await setup();
		const form = await loadForumForm(t.db, { ...s.ids, forumId: s.forum.id });
		expect(form.forum.memberIds.sort()).toEqual([s.leader.personId, s.key.personId].sort());
		expect(form.members.map((o) => o.value)).toEqual(expect.arrayContaining([s.key.personId, s.teacher.personId]));

		await updateForum(t.db, {
			...s.ids,
			forumId: s.forum.id,
			input: { name: 'IT-rådet', purpose: 'Nytt syfte', kind: 'delivery', memberIds: [s.leader.personId, s.teacher.personId] }
		});
		const after = await getForum(t.db, { ...s.ids, forumId: s.forum.id });
		expect({ name: after.name, kind: after.kind, members: after.memberIds.sort() }).toEqual({
			name: 'IT-rådet',
			kind: 'delivery',
			members: [s.leader.personId, s.teacher.personId].sort()
		});
		await expectAppError(getForum(t.db, { actor: s.key, organizerId: s.organizer.id, forumId: s.forum.id }), 'FORBIDDEN');
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, s.forum.id), eq(auditEvents.action, 'forum.update')));
		expect(Object.keys(audit.changes as object).sort()).toEqual(['kind', 'memberIds', 'name', 'purpose']);
	});

	it('refuses a forum without members or with an outsider, and a member who does not run it, writing nothing', async () => {
		const s = await setup();
		const outsider = await buildActor(t.db, [{ role: 'leadership', organizerId: (await buildOrganizer(t.db)).id }]);
		const input = (memberIds: string[]) => ({ name: 'Nytt namn', purpose: '', kind: 'strategy' as const, memberIds });
		expect((await expectAppError(updateForum(t.db, { ...s.ids, forumId: s.forum.id, input: input([]) }), 'INVALID')).issues[0].field).toBe(
			'memberIds'
		);
		expect(
			(
				await expectAppError(
					updateForum(t.db, { ...s.ids, forumId: s.forum.id, input: input([s.leader.personId, outsider.personId]) }),
					'INVALID'
				)
			).issues[0].message
		).toBe('forums_error_members');
		await expectAppError(
			updateForum(t.db, { actor: s.key, organizerId: s.organizer.id, forumId: s.forum.id, input: input([s.key.personId]) }),
			'FORBIDDEN'
		);
		expect((await getForum(t.db, { ...s.ids, forumId: s.forum.id })).name).not.toBe('Nytt namn');
	});
});

describe('moving and removing a meeting', () => {
	const auditOf = (id: string, action: string) =>
		t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, action)));

	it('moves a meeting to another day, time and place for those who run the forum, keeping its agenda, and audits it once', async () => {
		const s = await setup();
		const mt = await s.meeting('2026-02-04', 'Wifi i aulan');
		const at = { ...s.ids, forumId: s.forum.id, meetingId: mt.id };
		expect(await moveMeeting(t.db, { ...at, input: { day: '2026-02-11', time: '09:30', place: 'Aulan' } })).toEqual({ changed: true });
		const after = await getMeeting(t.db, at);
		expect({ day: after.meeting.day, time: after.meeting.time, place: after.meeting.place }).toEqual({
			day: '2026-02-11',
			time: '09:30',
			place: 'Aulan'
		});
		expect(after.items.map((i) => i.title)).toEqual(['Wifi i aulan']);
		expect(await moveMeeting(t.db, { ...at, input: { day: '2026-02-11', time: '09:30', place: 'Aulan' } })).toEqual({ changed: false });
		const audits = await auditOf(mt.id, 'meeting.move');
		expect(audits).toHaveLength(1);
		expect(audits[0].changes).toEqual({
			startsAt: [mt.startsAt.toISOString(), after.meeting.startsAt.toISOString()],
			place: ['', 'Aulan']
		});
	});

	it('refuses a bad time beside the field, a member who does not run the forum, another organizer and published minutes, writing nothing', async () => {
		const s = await setup();
		const mt = await s.meeting();
		const at = { forumId: s.forum.id, meetingId: mt.id };
		const input = { day: '2026-03-01', time: '10:00', place: '' };
		const bad = await expectAppError(moveMeeting(t.db, { ...s.ids, ...at, input: { ...input, time: '25:00' } }), 'INVALID');
		expect(bad.issues).toEqual([{ field: 'time', message: 'forums_error_time' }]);
		await expectAppError(moveMeeting(t.db, { actor: s.key, organizerId: s.organizer.id, ...at, input }), 'FORBIDDEN');
		const other = await buildOrganizer(t.db);
		const stranger = await buildActor(t.db, [{ role: 'leadership', organizerId: other.id }]);
		await expectAppError(moveMeeting(t.db, { actor: stranger, organizerId: other.id, ...at, input }), 'NOT_FOUND');
		await publishMinutes(t.db, { ...s.ids, ...at });
		const late = await expectAppError(moveMeeting(t.db, { ...s.ids, ...at, input }), 'CONFLICT');
		expect(late.issues[0].message).toBe('forums_error_move_published');
		const [row] = await t.db.select().from(planningMeetings).where(eq(planningMeetings.id, mt.id));
		expect(row.startsAt).toEqual(mt.startsAt);
		expect(await auditOf(mt.id, 'meeting.move')).toHaveLength(0);
	});

	it('removes a meeting not yet published with its agenda, keeps it in the log, and carries what was on it onto the next meeting', async () => {
		const s = await setup();
		const first = await s.meeting('2026-02-04');
		const decision = await createDecision(t.db, {
			...s.ids,
			forumId: s.forum.id,
			meetingId: first.id,
			input: { text: 'Inventera projektorerna', ownerId: s.key.personId }
		});
		const mistaken = await s.meeting('2026-02-18', 'Fel dag');
		const at = { forumId: s.forum.id, meetingId: mistaken.id };
		await saveMinutes(t.db, { ...s.ids, ...at, input: { minutes: {}, presentIds: [s.leader.personId], guests: '' } });
		await removeMeeting(t.db, { ...s.ids, ...at });
		expect(await t.db.select().from(planningMeetings).where(eq(planningMeetings.id, mistaken.id))).toEqual([]);
		expect(await t.db.select().from(planningMeetingItems).where(eq(planningMeetingItems.meetingId, mistaken.id))).toEqual([]);
		await expectAppError(getMeeting(t.db, { ...s.ids, ...at }), 'NOT_FOUND');
		const [audit] = await auditOf(mistaken.id, 'meeting.remove');
		const changes = audit.changes as Record<string, [unknown, unknown]>;
		expect(changes.agenda[0]).toEqual([
			expect.objectContaining({ kind: 'decision', title: 'Inventera projektorerna' }),
			expect.objectContaining({ kind: 'item', title: 'Fel dag' })
		]);
		expect(changes.presentIds[0]).toEqual([s.leader.personId]);
		const next = await s.meeting('2026-02-25');
		const carried = (await getMeeting(t.db, { ...s.ids, forumId: s.forum.id, meetingId: next.id })).items;
		expect(carried.map((i) => i.decisionId)).toContain(decision.id);
	});

	it('refuses a meeting with published minutes or with decisions, a member who does not run the forum and another organizer', async () => {
		const s = await setup();
		const published = await s.meeting('2026-02-04');
		await publishMinutes(t.db, { ...s.ids, forumId: s.forum.id, meetingId: published.id });
		const refused = await expectAppError(removeMeeting(t.db, { ...s.ids, forumId: s.forum.id, meetingId: published.id }), 'CONFLICT');
		expect(refused.issues).toEqual([{ field: 'confirmRemove', message: 'forums_error_remove_published' }]);

		const decided = await s.meeting('2026-02-11');
		await createDecision(t.db, {
			...s.ids,
			forumId: s.forum.id,
			meetingId: decided.id,
			input: { text: 'Köp fler laddskåp', ownerId: s.leader.personId }
		});
		const withDecision = await expectAppError(removeMeeting(t.db, { ...s.ids, forumId: s.forum.id, meetingId: decided.id }), 'CONFLICT');
		expect(withDecision.issues[0].message).toBe('forums_error_remove_decisions');

		const plain = await s.meeting('2026-02-18');
		const at = { forumId: s.forum.id, meetingId: plain.id };
		await expectAppError(removeMeeting(t.db, { actor: s.key, organizerId: s.organizer.id, ...at }), 'FORBIDDEN');
		const other = await buildOrganizer(t.db);
		const stranger = await buildActor(t.db, [{ role: 'org_admin', organizerId: other.id }]);
		await expectAppError(removeMeeting(t.db, { actor: stranger, organizerId: other.id, ...at }), 'NOT_FOUND');
		const left = await t.db
			.select({ id: planningMeetings.id })
			.from(planningMeetings)
			.where(inArray(planningMeetings.id, [published.id, decided.id, plain.id]));
		expect(left).toHaveLength(3);
		expect(await auditOf(plain.id, 'meeting.remove')).toHaveLength(0);
	});
});

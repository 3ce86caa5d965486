// Covers: assignTicket, escalateTicket, sendBack.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { auditActionsOf, buildHandlingScene, caseSnapshot, eventsOf } from '../../../../../tests/support-handling';
import { buildOrganizer, buildTeam } from '../../../../../tests/factories';
import { supportTeams, ticketTeams } from '../../db/schema';
import { assignTicket } from './assign-ticket';
import { escalateTicket } from './escalate-ticket';
import { sendBack } from './send-back';

const t = useTestDatabase();
const why = 'Kräver behörighet i elevdatorernas hanteringssystem.';

describe('escalating a case', () => {
	it('goes 1→2 to a central team and 2→3 to a supplier team, clearing the assignee, with every team still watching', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { organizerId: s.organizerId, number: s.number };
		await assignTicket(t.db, { ...opts, actor: s.keyPerson, input: { assigneeId: s.keyPerson.personId } });
		const atTwo = await escalateTicket(t.db, {
			...opts,
			actor: s.keyPerson,
			input: { fromLine: '1', teamId: s.line2.team.id, reason: why }
		});
		expect(atTwo).toMatchObject({ line: 2, teamId: s.line2.team.id, assigneeId: null });
		const atThree = await escalateTicket(t.db, {
			...opts,
			actor: s.line2.actor,
			input: { fromLine: 2, teamId: s.line3.team.id, reason: 'Garantiärende.' }
		});
		expect(atThree).toMatchObject({ line: 3, teamId: s.line3.team.id });
		const escalations = (await eventsOf(t.db, s.ticket.id)).filter((e) => e.kind === 'escalate');
		expect(escalations).toMatchObject([
			{
				public: true,
				by: 'handler',
				lineTo: 2,
				body: why,
				data: { fromLine: 1, toLine: 2, teamName: s.line2.team.name, fromTeamId: null, reason: why }
			},
			{ lineTo: 3, data: { teamName: s.line3.team.name, fromTeamId: s.line2.team.id, fromTeamName: s.line2.team.name } }
		]);
		const watchers = await t.db.select({ teamId: ticketTeams.teamId }).from(ticketTeams).where(eq(ticketTeams.ticketId, s.ticket.id));
		expect(watchers.map((w) => w.teamId).sort()).toEqual([s.line2.team.id, s.line3.team.id].sort());
		expect(await auditActionsOf(t.db, s.ticket.id)).toEqual(['ticket.create', 'ticket.assign', 'ticket.escalate', 'ticket.escalate']);
	});

	it('refuses the wrong line: a key person once the case is at line 2, a stale form, and line 3 to 4', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { organizerId: s.organizerId, number: s.number };
		await escalateTicket(t.db, { ...opts, actor: s.keyPerson, input: { fromLine: 1, teamId: s.line2.team.id, reason: why } });
		let before = await caseSnapshot(t.db, s.ticket.id);
		const keyPerson = await escalateTicket(t.db, {
			...opts,
			actor: s.keyPerson,
			input: { fromLine: 2, teamId: s.line3.team.id, reason: why }
		}).catch((e) => e);
		expect(keyPerson.code).toBe('FORBIDDEN');
		const stale = await escalateTicket(t.db, {
			...opts,
			actor: s.central,
			input: { fromLine: 1, teamId: s.line2.team.id, reason: why }
		}).catch((e) => e);
		expect(stale).toMatchObject({ code: 'CONFLICT', issues: [{ field: 'teamId', message: 'handling_error_line_changed' }] });
		expect(await caseSnapshot(t.db, s.ticket.id)).toEqual(before);
		await escalateTicket(t.db, { ...opts, actor: s.line2.actor, input: { fromLine: 2, teamId: s.line3.team.id, reason: why } });
		before = await caseSnapshot(t.db, s.ticket.id);
		const past = await escalateTicket(t.db, {
			...opts,
			actor: s.line3.actor,
			input: { fromLine: 3, teamId: s.line3.team.id, reason: why }
		}).catch((e) => e);
		expect(past).toMatchObject({ code: 'CONFLICT', issues: [{ field: 'teamId', message: 'handling_error_no_next_line' }] });
		expect(await caseSnapshot(t.db, s.ticket.id)).toEqual(before);
	});

	it('only picks an active team of the next line and the same chain that serves the organizer, and needs a reason', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { organizerId: s.organizerId, number: s.number, actor: s.keyPerson };
		const pedagogical = await buildTeam(t.db, { organizerId: s.organizerId, chain: 'pedagogical', line: 2 });
		const foreign = await buildTeam(t.db, { organizerId: (await buildOrganizer(t.db)).id, line: 2 });
		const archived = await buildTeam(t.db, { organizerId: s.organizerId, line: 2 });
		await t.db.update(supportTeams).set({ archivedAt: new Date() }).where(eq(supportTeams.id, archived.id));
		const before = await caseSnapshot(t.db, s.ticket.id);
		for (const teamId of [s.line3.team.id, pedagogical.id, foreign.id, archived.id, crypto.randomUUID()]) {
			const err = await escalateTicket(t.db, { ...opts, input: { fromLine: 1, teamId, reason: why } }).catch((e) => e);
			expect(err.issues).toEqual([{ field: 'teamId', message: 'handling_error_choose_team' }]);
		}
		const noReason = await escalateTicket(t.db, { ...opts, input: { fromLine: 1, teamId: s.line2.team.id, reason: '  ' } }).catch((e) => e);
		expect(noReason.issues).toEqual([{ field: 'reason', message: 'handling_error_reason_required' }]);
		expect(await caseSnapshot(t.db, s.ticket.id)).toEqual(before);
		// A team owned by another organizer that also serves this one is a fair choice.
		const shared = await buildTeam(t.db, { organizerId: (await buildOrganizer(t.db)).id, line: 2, alsoServes: [s.organizerId] });
		expect((await escalateTicket(t.db, { ...opts, input: { fromLine: 1, teamId: shared.id, reason: why } })).teamId).toBe(shared.id);
	});
});

describe('sending a case back', () => {
	it('returns a case from line 3 to the line-2 team that escalated it, and from line 2 to the unit', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { organizerId: s.organizerId, number: s.number };
		await escalateTicket(t.db, { ...opts, actor: s.keyPerson, input: { fromLine: 1, teamId: s.line2.team.id, reason: why } });
		await escalateTicket(t.db, { ...opts, actor: s.line2.actor, input: { fromLine: 2, teamId: s.line3.team.id, reason: why } });
		const atTwo = await sendBack(t.db, { ...opts, actor: s.line3.actor, input: { fromLine: 3, reason: 'Inget fel i vår tjänst.' } });
		expect(atTwo).toMatchObject({ line: 2, teamId: s.line2.team.id, assigneeId: null });
		const atOne = await sendBack(t.db, { ...opts, actor: s.line2.actor, input: { fromLine: 2, reason: 'Skolan byter kabeln själv.' } });
		expect(atOne).toMatchObject({ line: 1, teamId: null });
		const back = (await eventsOf(t.db, s.ticket.id)).filter((e) => e.kind === 'send_back');
		expect(back).toMatchObject([
			{ public: true, lineTo: 2, body: 'Inget fel i vår tjänst.', data: { teamName: s.line2.team.name, fromTeamName: s.line3.team.name } },
			{ lineTo: 1, data: { teamId: null, fromTeamName: s.line2.team.name } }
		]);
		expect((await auditActionsOf(t.db, s.ticket.id)).slice(-2)).toEqual(['ticket.send_back', 'ticket.send_back']);
	});

	it('has nothing below line 1 and needs a reason, changing nothing when refused', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { organizerId: s.organizerId, number: s.number, actor: s.keyPerson };
		const before = await caseSnapshot(t.db, s.ticket.id);
		const down = await sendBack(t.db, { ...opts, input: { fromLine: 1, reason: 'Ner' } }).catch((e) => e);
		expect(down).toMatchObject({ code: 'CONFLICT', issues: [{ field: 'reason', message: 'handling_error_no_previous_line' }] });
		const empty = await sendBack(t.db, { ...opts, input: { fromLine: 1, reason: '' } }).catch((e) => e);
		expect(empty.issues).toEqual([{ field: 'reason', message: 'handling_error_reason_required' }]);
		expect(await caseSnapshot(t.db, s.ticket.id)).toEqual(before);
	});
});

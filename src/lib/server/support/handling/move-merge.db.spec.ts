// Covers: escalateTicket, mergeTicket, moveToChain.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { auditActionsOf, buildHandlingScene, caseSnapshot, eventsOf } from '../../../../../tests/support-handling';
import { buildTicket } from '../../../../../tests/factories';
import { supportCategories, supportSlaTargets } from '../../db/schema';
import { escalateTicket } from './escalate-ticket';
import { mergeTicket } from './merge-ticket';
import { moveToChain } from './move-to-chain';

const t = useTestDatabase();

describe('moving a case to the other chain', () => {
	it('starts it again at line 1 of the other chain without team, handler or category, under that chain’s SLA targets', async () => {
		const s = await buildHandlingScene(t.db);
		await t.db
			.insert(supportSlaTargets)
			.values({ organizerId: s.organizerId, chain: 'pedagogical', urgency: 'normal', resolutionMinutes: 2400 });
		const [cat] = await t.db
			.insert(supportCategories)
			.values({ organizerId: s.organizerId, chain: 'technical', name: 'Lärplattform', nameSort: 'lärplattform' })
			.returning();
		const { ticket, requester } = await buildTicket(t.db, { organizerId: s.organizerId, unitId: s.unit.id, input: { categoryId: cat.id } });
		const opts = { organizerId: s.organizerId, number: ticket.number };
		await escalateTicket(t.db, { ...opts, actor: s.keyPerson, input: { fromLine: 1, teamId: s.line2.team.id, reason: 'Utred' } });
		const moved = await moveToChain(t.db, {
			...opts,
			actor: s.line2.actor,
			input: { toChain: 'pedagogical', reason: 'Läraren vill ha hjälp att lägga upp provet.' }
		});
		expect(moved).toMatchObject({
			chain: 'pedagogical',
			line: 1,
			teamId: null,
			assigneeId: null,
			categoryId: null,
			slaTargets: { resolution: 2400 }
		});
		expect((await eventsOf(t.db, ticket.id)).at(-1)).toMatchObject({
			kind: 'move_chain',
			public: true,
			lineTo: 1,
			data: { fromChain: 'technical', toChain: 'pedagogical', fromLine: 2, fromTeamName: s.line2.team.name }
		});
		expect((await auditActionsOf(t.db, ticket.id)).at(-1)).toBe('ticket.move_chain');
		expect(requester.personId).toBe(moved.requesterId);
		// The pedagogical key person now works it; the technical one only watches.
		expect(
			(await moveToChain(t.db, { ...opts, actor: s.keyPerson, input: { toChain: 'technical', reason: 'x' } }).catch((e) => e)).code
		).toBe('FORBIDDEN');
	});

	it('refuses the chain the case is already in and a missing reason, changing nothing', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { organizerId: s.organizerId, number: s.number, actor: s.keyPerson };
		const before = await caseSnapshot(t.db, s.ticket.id);
		expect((await moveToChain(t.db, { ...opts, input: { toChain: 'technical', reason: 'Samma' } }).catch((e) => e)).code).toBe('CONFLICT');
		const err = await moveToChain(t.db, { ...opts, input: { toChain: 'kemi' as never, reason: '' } }).catch((e) => e);
		expect(err.issues.map((i: { field: string }) => i.field).sort()).toEqual(['reason', 'toChain']);
		expect(await caseSnapshot(t.db, s.ticket.id)).toEqual(before);
	});
});

describe('merging a duplicate', () => {
	it('closes the duplicate into the kept case with a public event on both, so its requester sees where it went', async () => {
		const s = await buildHandlingScene(t.db);
		const dup = await buildTicket(t.db, { organizerId: s.organizerId, unitId: s.unit.id });
		const after = await mergeTicket(t.db, {
			actor: s.keyPerson,
			organizerId: s.organizerId,
			number: dup.ticket.number,
			input: { targetNumber: String(s.number) }
		});
		expect(after).toMatchObject({ state: 'closed', mergedIntoId: s.ticket.id });
		expect((await eventsOf(t.db, dup.ticket.id)).at(-1)).toMatchObject({
			kind: 'merge',
			public: true,
			by: 'handler',
			stateTo: 'closed',
			data: { intoNumber: s.number }
		});
		expect((await eventsOf(t.db, s.ticket.id)).at(-1)).toMatchObject({
			kind: 'merge',
			public: true,
			by: 'system',
			data: { fromNumber: dup.ticket.number }
		});
		expect(await auditActionsOf(t.db, dup.ticket.id)).toEqual(['ticket.create', 'ticket.merge']);
	});

	it('refuses itself, an unknown case, a case the actor cannot see and a case already merged, changing nothing', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { actor: s.keyPerson, organizerId: s.organizerId, number: s.number };
		const otherUnit = await buildTicket(t.db, { organizerId: s.organizerId }); // a unit the key person does not cover
		const before = await caseSnapshot(t.db, s.ticket.id);
		const cases: [unknown, string][] = [
			[s.number, 'handling_error_merge_self'],
			[9999, 'handling_error_merge_target_missing'],
			[otherUnit.ticket.number, 'handling_error_merge_target_missing'],
			['abc', 'handling_error_merge_number']
		];
		for (const [targetNumber, message] of cases) {
			const err = await mergeTicket(t.db, { ...opts, input: { targetNumber: targetNumber as number } }).catch((e) => e);
			expect(err.issues).toEqual([{ field: 'targetNumber', message }]);
		}
		const third = await buildTicket(t.db, { organizerId: s.organizerId, unitId: s.unit.id });
		const fourth = await buildTicket(t.db, { organizerId: s.organizerId, unitId: s.unit.id });
		await mergeTicket(t.db, { ...opts, number: third.ticket.number, input: { targetNumber: fourth.ticket.number } });
		const merged = await mergeTicket(t.db, { ...opts, input: { targetNumber: third.ticket.number } }).catch((e) => e);
		expect(merged.issues).toEqual([{ field: 'targetNumber', message: 'handling_error_merge_target_merged' }]);
		expect(await caseSnapshot(t.db, s.ticket.id)).toEqual(before);
	});
});

/**
 * The timeline of one demo case: filed → handler reply → (maybe) a question to the requester →
 * (maybe) escalation to line 2 → (some) to the supplier → solved with a cause → rated → closed.
 * Steps take working time drawn against the SLA targets (mostly within, some over); events after
 * `now` are cut off, so recent cases are still open. Pure apart from the random source.
 */
import type { Cause, Chain, EventKind, TicketState } from '../../support/constants';
import type { tickets } from '../../db/schema';
import { addWorkingMinutes, workingMinutesBetween, type WorkingCalendar } from '../../support/sla';
import type { SupportSettings } from '../../support/settings';
import type { Random } from '../random';
import type { CasePlan } from './plan-cases';
import { weighted } from './plan-cases';
import { DAY, DEMO_SLA, type CategoryKey, type DemoSupportSetup, type DemoTeam } from './demo-support-setup';
import * as T from './demo-reply-texts';

export type PlannedEvent = {
	at: Date;
	actorId: string | null;
	by: 'requester' | 'handler' | 'system';
	kind: EventKind;
	public: boolean;
	body: string;
	stateTo?: TicketState;
	lineTo?: 1 | 2 | 3;
	data: Record<string, unknown>;
	patch?: Partial<typeof tickets.$inferInsert>;
};

export type TimelineContext = {
	cal: WorkingCalendar;
	settings: SupportSettings;
	setup: DemoSupportSetup;
	now: Date;
	/** Line-1 handlers of a chain at a unit (key people, else the central support people). */
	line1: (chain: Chain, unitKey: string) => string[];
	/** Names of the people, for the event data the timeline shows (decision 009). */
	names: ReadonlyMap<string, string>;
};

const SUPPLIER_OF: Partial<Record<CategoryKey, 'hardware' | 'platform'>> = {
	display: 'hardware',
	printer: 'hardware',
	student_device: 'hardware',
	staff_device: 'hardware',
	platform: 'platform',
	tests: 'platform'
};
const MOVE_TO: Record<Chain, CategoryKey> = { technical: 'tools', pedagogical: 'software' };
const CHAIN_NAME: Record<Chain, string> = { technical: 'teknisk', pedagogical: 'pedagogisk' };

function drawCause(random: Random, chain: Chain, key: CategoryKey, atSupplier: boolean): Cause {
	if (atSupplier) return random.chance(0.55) ? 'supplier' : 'hardware';
	if (chain === 'pedagogical')
		return weighted(random, [
			['other', 70],
			['user_error', 15],
			['software', 10],
			['account', 5]
		]);
	const table: Partial<Record<CategoryKey, [Cause, number][]>> = {
		account: [
			['account', 70],
			['user_error', 25],
			['other', 5]
		],
		network: [
			['network', 80],
			['user_error', 10],
			['other', 10]
		],
		platform: [
			['software', 50],
			['user_error', 25],
			['account', 15],
			['other', 10]
		],
		tests: [
			['software', 50],
			['user_error', 25],
			['account', 15],
			['other', 10]
		],
		software: [
			['software', 65],
			['user_error', 20],
			['other', 15]
		],
		display: [
			['hardware', 45],
			['user_error', 30],
			['software', 15],
			['other', 10]
		],
		printer: [
			['hardware', 45],
			['user_error', 30],
			['software', 15],
			['other', 10]
		]
	};
	return weighted(
		random,
		table[key] ?? [
			['hardware', 50],
			['software', 25],
			['user_error', 15],
			['other', 10]
		]
	);
}

/** Draws the events of one case, in time order, none after ctx.now. */
export function planTimeline(random: Random, ctx: TimelineContext, plan: CasePlan): PlannedEvent[] {
	const { cal, settings, setup } = ctx;
	const ev: PlannedEvent[] = [];
	let t = plan.filedAt;
	const wait = (minutes: number) => (t = addWorkingMinutes(cal, t, Math.max(1, Math.round(minutes))));
	/** A share of a target: mostly well within, now and then over it. */
	const share = (target: number, scale = 1) =>
		target * scale * (random.chance(0.07) ? 1.05 + random.next() * 1.5 : 0.05 + random.next() * 0.75);
	const add = (e: Omit<PlannedEvent, 'at' | 'body' | 'data'> & { body?: string; data?: Record<string, unknown> }) =>
		ev.push({ at: t, body: '', data: {}, ...e });
	const handlerSays = (actorId: string, body: string, extra: Partial<PlannedEvent> = {}) =>
		add({ actorId, by: 'handler', kind: 'reply', public: true, body, ...extra });
	let assignee: string | null = null;
	const assign = (actorId: string, to: string) => {
		add({
			actorId,
			by: 'handler',
			kind: 'assign',
			public: false,
			data: { assigneeId: to, assigneeName: ctx.names.get(to) ?? null, fromAssigneeId: assignee },
			patch: { assigneeId: to }
		});
		assignee = to;
	};
	/** Escalation or send-back as the handling steps write them: same state, new team, nobody assigned. */
	const moveLine = (kind: 'escalate' | 'send_back', actorId: string, from: DemoTeam | null, to: DemoTeam, reason: string) => {
		const data = {
			fromLine: from?.line ?? 1,
			toLine: to.line,
			teamId: to.id,
			teamName: to.name,
			supplierName: to.supplierName,
			fromTeamId: from?.id ?? null,
			fromTeamName: from?.name ?? null,
			reason
		};
		add({ actorId, by: 'handler', kind, public: true, body: reason, lineTo: to.line, data, patch: { teamId: to.id, assigneeId: null } });
		assignee = null;
	};
	const setState = (actorId: string, from: TicketState, to: TicketState) =>
		add({ actorId, by: 'handler', kind: 'state', public: true, stateTo: to, data: { stateFrom: from } });
	const pickOther = (ids: string[]) => {
		const others = ids.filter((id) => id !== plan.requesterId && id !== plan.filedById);
		return others.length ? random.pick(others) : null;
	};

	add({
		actorId: plan.filedById,
		by: 'requester',
		kind: 'filed',
		public: true,
		stateTo: 'new',
		lineTo: 1,
		data: plan.requesterId !== plan.filedById ? { onBehalfOf: plan.requesterId } : {}
	});
	let chain = plan.chain;
	let category = plan.category;
	let targets = DEMO_SLA[chain][plan.urgency];
	const line1 = (c: Chain) => pickOther(ctx.line1(c, plan.unitKey)) ?? pickOther(ctx.line1(c, 'bou'))!;
	let handler = line1(chain);
	wait(share(targets.firstResponse));
	if (random.chance(0.025)) {
		const to: Chain = chain === 'technical' ? 'pedagogical' : 'technical';
		category = setup.categories.find((c) => c.key === MOVE_TO[chain])!;
		const reason = `Frågan hör hemma i ${CHAIN_NAME[to]} support.`;
		const data = { fromChain: chain, toChain: to, fromLine: 1, fromTeamId: null, fromTeamName: null, reason };
		add({
			actorId: handler,
			by: 'handler',
			kind: 'move_chain',
			public: true,
			body: reason,
			lineTo: 1,
			data,
			patch: { chain: to, teamId: null, assigneeId: null, categoryId: null }
		});
		chain = to;
		targets = DEMO_SLA[chain][plan.urgency];
		handler = line1(chain);
		wait(random.int(5, 90));
	}
	assign(handler, handler);
	const quick = random.chance(0.15);
	if (!quick) handlerSays(handler, random.pick(T.FIRST_REPLIES), { stateTo: 'in_progress' });

	if (!quick && random.chance(0.22)) {
		wait(random.int(5, 120));
		handlerSays(handler, random.pick(T.QUESTIONS), { stateTo: 'waiting_requester' });
		if (random.chance(0.9)) {
			wait(random.int(10, settings.reminderDays * DAY * 0.9));
			add({
				actorId: plan.requesterId,
				by: 'requester',
				kind: 'reply',
				public: true,
				body: random.pick(T.REQUESTER_ANSWERS),
				stateTo: 'in_progress'
			});
		} else {
			wait(settings.reminderDays * DAY);
			add({ actorId: null, by: 'system', kind: 'reminder', public: true, body: T.REMINDER_TEXT });
			wait(settings.autoCloseDays * DAY);
			add({ actorId: null, by: 'system', kind: 'auto_close', public: true, body: T.AUTO_CLOSE_TEXT, stateTo: 'closed' });
			return finish(ev, plan, ctx, random);
		}
	}
	if (random.chance(0.15)) {
		wait(random.int(5, 60));
		add({ actorId: handler, by: 'handler', kind: 'note', public: false, body: random.pick(T.INTERNAL_NOTES) });
	}

	let solver = handler;
	let atSupplier = false;
	if (!quick && random.chance(plan.stuck ? 0.8 : chain === 'technical' ? 0.33 : 0.42)) {
		const team = setup.teams[chain];
		wait(share(targets.line1, 0.5));
		moveLine('escalate', handler, null, team, random.pick(T.ESCALATE_TO_LINE2));
		const second = pickOther(team.memberIds) ?? handler;
		wait(random.int(5, 180));
		assign(second, second);
		if (random.chance(0.6)) handlerSays(second, random.pick(T.FIRST_REPLIES));
		solver = second;
		const supplierKey = chain === 'technical' ? SUPPLIER_OF[category.key] : undefined;
		const supplier: DemoTeam | undefined = supplierKey ? setup.teams[supplierKey] : undefined;
		if (supplier?.memberIds.length && random.chance(plan.stuck ? 0.9 : 0.45)) {
			wait(share(targets.line2, 0.5));
			moveLine('escalate', second, team, supplier, random.pick(T.ESCALATE_TO_SUPPLIER));
			wait(1);
			setState(second, 'in_progress', 'waiting_supplier');
			const third = random.pick(supplier.memberIds);
			wait(random.int(30, 600));
			assign(third, third);
			handlerSays(third, random.pick(T.SUPPLIER_REPLIES));
			wait(share(targets.line3 ?? 5 * DAY, 0.8));
			if (random.chance(0.65)) {
				solver = third;
				atSupplier = true;
			} else {
				moveLine('send_back', third, supplier, team, random.pick(T.SEND_BACK));
				wait(random.int(10, 120));
				assign(second, second);
				setState(second, 'waiting_supplier', 'in_progress');
				wait(random.int(30, DAY));
			}
		} else wait(share(targets.line2, 0.7));
	} else wait(quick ? random.int(5, 60) : share(targets.line1, 0.6));

	const cause = drawCause(random, chain, category.key, atSupplier);
	const selfHelpSuggested = random.chance(cause === 'user_error' ? 0.45 : 0.06);
	const solve = () =>
		add({
			actorId: solver,
			by: 'handler',
			kind: 'solve',
			public: true,
			body: random.pick(T.SOLUTIONS[cause]),
			stateTo: 'solved',
			data: { cause, selfHelpSuggested },
			patch: { cause, selfHelpSuggested }
		});
	solve();
	if (random.chance(0.02)) {
		wait(random.int(60, 2 * DAY));
		add({
			actorId: plan.requesterId,
			by: 'requester',
			kind: 'reopen',
			public: true,
			body: random.pick(T.REOPEN_TEXTS),
			stateTo: 'in_progress'
		});
		wait(random.int(60, 2 * DAY));
		solve();
	}
	const solvedAt = t;
	if (random.chance(0.4)) {
		const late = workingMinutesBetween(cal, plan.filedAt, solvedAt) > targets.resolution;
		const rating = random.pick(late ? [1, 2, 2, 3, 3, 4] : [3, 4, 4, 5, 5, 5, 5]);
		const comment = random.chance(0.3) ? random.pick(T.RATING_COMMENTS[rating]) : null;
		wait(random.int(10, 2 * DAY));
		add({
			actorId: plan.requesterId,
			by: 'requester',
			kind: 'rate',
			public: true,
			body: comment ?? '',
			data: { rating },
			patch: { rating, ratingComment: comment }
		});
	}
	t = solvedAt;
	wait(settings.autoCloseDays * DAY);
	add({ actorId: null, by: 'system', kind: 'close', public: true, stateTo: 'closed', data: { unsolved: false, reason: null } });
	return finish(ev, plan, ctx, random);
}

const OPEN_TO_STAY: readonly (TicketState | undefined)[] = ['new', 'in_progress', 'waiting_supplier'];

/**
 * Time order, nothing after now. A stuck case is cut at a step that leaves it open (not waiting on the
 * requester), mostly the last one before it would have been solved, so the stuck ones sit at every line.
 */
function finish(ev: PlannedEvent[], plan: CasePlan, ctx: TimelineContext, random: Random): PlannedEvent[] {
	const sorted = ev
		.map((e, i) => ({ e, i }))
		.sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i)
		.map((x) => x.e);
	const seen = sorted.filter((e) => e.at.getTime() <= ctx.now.getTime());
	if (!plan.stuck) return seen;
	let state: TicketState | undefined;
	const cuts: number[] = [];
	seen.forEach((e, i) => {
		state = e.stateTo ?? state;
		if (OPEN_TO_STAY.includes(state)) cuts.push(i);
	});
	if (!cuts.length) return seen;
	return seen.slice(0, (random.chance(0.7) ? cuts[cuts.length - 1] : random.pick(cuts)) + 1);
}

import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import type { Actor } from '../../policies';
import { loadLinkOptions } from '../framework-links';
import { loadPlanScopes } from '../plan-scopes';
import { computeIndicators, newCaches } from './compute-indicators';
import { getChain } from './get-chain';

type ActionRow = {
	stepId: string;
	id: string;
	title: string;
	status: string;
	hours: number | null;
	moneySek: number | null;
	unitId: string | null;
	unitName: string | null;
	period: string;
};
/** "1.2 Title" for a sub-goal, "1.2 · statement" for an item, cut to a readable length. */
const goalLabel = (g: { subGoalId: string; itemKey: string | null; title: { sv: string; en: string } }, locale: 'sv' | 'en') => {
	const text = `${g.subGoalId}${g.itemKey ? ' ·' : ''} ${g.title[locale] ?? g.title.sv}`;
	return text.length > 110 ? `${text.slice(0, 107)}…` : text;
};
const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/**
 * Everything a chain's page shows: the chain and its steps, each step's linked actions (those in plans the
 * actor may not read are counted, not named) and indicators with their values, the resources summed over
 * the linked actions, and for writers the actions and framework goals the forms offer.
 */
export async function loadChainPage(db: Db, opts: { actor: Actor; organizerId: string; chainId: string; locale: 'sv' | 'en' }) {
	const chain = await getChain(db, opts);
	const scopes = await loadPlanScopes(db, opts.actor, opts.organizerId);
	const readable = new Set(scopes.filter((s) => s.canView).map((s) => s.unitId ?? 'organizer'));
	const stepIds = chain.steps.map((s) => s.id);
	const linked = rowsOf<ActionRow>(
		await db.execute(sql`
			SELECT l.step_id AS "stepId", a.id, a.title, a.status, a.hours, a.money_sek AS "moneySek", p.unit_id AS "unitId", u.name AS "unitName", p.period
			FROM planning_chain_step_actions l
			JOIN planning_chain_steps s ON s.id = l.step_id
			JOIN planning_actions a ON a.id = l.action_id
			JOIN planning_plans p ON p.id = a.plan_id
			LEFT JOIN units u ON u.id = p.unit_id
			WHERE l.organizer_id = ${opts.organizerId} AND s.chain_id = ${chain.id}
			ORDER BY a.title, a.id`)
	);
	const indicators = await computeIndicators(db, { organizerId: opts.organizerId, unitId: chain.unitId, stepIds, caches: newCaches() });
	const seen = new Map<string, ActionRow>();
	for (const a of linked) seen.set(a.id, a);
	const distinct = [...seen.values()];
	const resources = {
		hours: distinct.reduce((s, a) => s + (a.hours ?? 0), 0),
		moneySek: distinct.reduce((s, a) => s + (a.moneySek ?? 0), 0),
		actions: distinct.length
	};
	const steps = chain.steps.map((s) => {
		const mine = linked.filter((a) => a.stepId === s.id);
		const visible = mine.filter((a) => readable.has(a.unitId ?? 'organizer'));
		return {
			id: s.id,
			kind: s.kind as 'effect' | 'result',
			text: s.text,
			actions: visible.map(({ id, title, status, unitName, period }) => ({ id, title, status, unitName, period })),
			hiddenActions: mine.length - visible.length,
			indicators: indicators.filter((i) => i.stepId === s.id)
		};
	});
	let options: { actions: { id: string; label: string }[]; goals: { value: string; label: string }[] } | null = null;
	if (chain.canWrite) {
		const actions = rowsOf<{ id: string; title: string; unitId: string | null; unitName: string | null; period: string }>(
			await db.execute(sql`
				SELECT a.id, a.title, p.unit_id AS "unitId", u.name AS "unitName", p.period
				FROM planning_actions a JOIN planning_plans p ON p.id = a.plan_id LEFT JOIN units u ON u.id = p.unit_id
				WHERE a.organizer_id = ${opts.organizerId} AND a.status <> 'dropped'
				ORDER BY p.period DESC, (p.unit_id IS NOT DISTINCT FROM ${chain.unitId}) DESC, a.title LIMIT 1000`)
		);
		const goals = await loadLinkOptions(db, opts.organizerId);
		options = {
			actions: actions
				.filter((a) => readable.has(a.unitId ?? 'organizer'))
				.map((a) => ({ id: a.id, label: `${a.title} (${a.unitName ?? '–'}, ${a.period})` })),
			goals: [...goals.subGoals, ...goals.items.values()]
				.sort((a, b) => a.value.localeCompare(b.value, 'sv', { numeric: true }))
				.map((g) => ({ value: g.value, label: goalLabel(g, opts.locale) }))
		};
	}
	return {
		chain: {
			id: chain.id,
			title: chain.title,
			unitId: chain.unitId,
			unitName: chain.unitName,
			resources: chain.resources,
			canWrite: chain.canWrite
		},
		steps,
		resources,
		options
	};
}

export type ChainPage = Awaited<ReturnType<typeof loadChainPage>>;

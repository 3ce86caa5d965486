import { STATES, CHAINS, type Chain, type TicketState } from '../constants';
import { QUEUE_SORTS, type QueueSort } from './queue-cursor';
import { isUuid } from '../../ids';

/** The queue's tabs: unassigned at my line, mine, my units, soon overdue, waiting, everything I may see. */
export const QUEUE_VIEWS = ['unassigned', 'mine', 'units', 'soon', 'waiting', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** SLA statuses one can filter on (as shown: a running clock past its deadline counts as breached). */
export const SLA_FILTERS = ['running', 'at_risk', 'breached', 'paused'] as const;
export type SlaFilter = (typeof SLA_FILTERS)[number];

export type QueueFilters = {
	state?: TicketState;
	unitId?: string;
	categoryId?: string;
	/** Cases about a device of this model (issue 17). */
	modelId?: string;
	chain?: Chain;
	line?: 1 | 2 | 3;
	sla?: SlaFilter;
	/** Free text as typed (at most 200 characters); searched by prepareQueueSearch (the Swedish search). */
	q?: string;
};

export type QueueParams = { view: QueueView | null; sort: QueueSort; filters: QueueFilters; after: string | null };

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
	v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;

/**
 * Reads the queue's URL parameters. Unknown or malformed values are dropped rather than
 * refused: a hand-edited or old link still shows a queue, never an error.
 */
export function parseQueueParams(p: URLSearchParams): QueueParams {
	const line = Number(p.get('linje'));
	const unit = p.get('enhet');
	const category = p.get('kategori');
	const model = p.get('modell');
	const q = (p.get('q') ?? '').trim().slice(0, 200);
	return {
		view: oneOf(QUEUE_VIEWS, p.get('vy')) ?? null,
		sort: oneOf(QUEUE_SORTS, p.get('sortering')) ?? 'newest',
		after: p.get('efter'),
		filters: {
			state: oneOf(STATES, p.get('status')),
			chain: oneOf(CHAINS, p.get('kedja')),
			line: line === 1 || line === 2 || line === 3 ? line : undefined,
			sla: oneOf(SLA_FILTERS, p.get('sla')),
			unitId: unit && isUuid(unit) ? unit : undefined,
			categoryId: category && isUuid(category) ? category : undefined,
			modelId: model && isUuid(model) ? model : undefined,
			q: q || undefined
		}
	};
}

/** The URL query for a queue page: only what differs from the defaults. */
export function queueQuery(view: QueueView, sort: QueueSort, f: QueueFilters, after?: string | null): string {
	const p = new URLSearchParams();
	p.set('vy', view);
	const pairs: [string, string | number | undefined][] = [
		['q', f.q],
		['status', f.state],
		['enhet', f.unitId],
		['kategori', f.categoryId],
		['modell', f.modelId],
		['kedja', f.chain],
		['linje', f.line],
		['sla', f.sla],
		['sortering', sort === 'newest' ? undefined : sort],
		['efter', after ?? undefined]
	];
	for (const [k, v] of pairs) if (v !== undefined && v !== '') p.set(k, String(v));
	return p.toString();
}

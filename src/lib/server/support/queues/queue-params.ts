import { STATES, CHAINS, type Chain, type TicketState } from '../constants';
import { QUEUE_SORTS, type QueueSort } from './queue-cursor';
import { isUuid } from '../../ids';
import { isIsoDate } from '$lib/calendar-date';

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
	/** Filed on or after this Stockholm date (YYYY-MM-DD), `?fran=`. */
	from?: string;
	/** Filed on or before this Stockholm date (YYYY-MM-DD, the whole day), `?till=`. */
	to?: string;
};

/** A date filter that could not be read: the field (URL name) and a message key shown beside it. */
export type QueueParamIssue = { field: 'fran' | 'till'; message: 'queue_date_error_format' | 'queue_date_error_order' };

export type QueueParams = {
	view: QueueView | null;
	sort: QueueSort;
	filters: QueueFilters;
	after: string | null;
	/** The dates as typed, so the form shows them back when they could not be read. */
	typed: { fran: string; till: string };
	/** Bad dates: unlike the other filters these are said, not dropped silently (a period that seems applied but is not misleads). */
	issues: QueueParamIssue[];
};

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
	v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;

/** Reads `?fran=` and `?till=` (filed dates): a date that is not a real YYYY-MM-DD, or an end before the start, is an issue. */
function parseDates(p: URLSearchParams): { from?: string; to?: string; typed: QueueParams['typed']; issues: QueueParamIssue[] } {
	const typed = { fran: (p.get('fran') ?? '').trim().slice(0, 40), till: (p.get('till') ?? '').trim().slice(0, 40) };
	const issues: QueueParamIssue[] = [];
	const read = (field: 'fran' | 'till') => {
		if (!typed[field]) return undefined;
		if (isIsoDate(typed[field])) return typed[field];
		issues.push({ field, message: 'queue_date_error_format' });
		return undefined;
	};
	const from = read('fran');
	const to = read('till');
	if (from && to && to < from) {
		issues.push({ field: 'till', message: 'queue_date_error_order' });
		return { typed, issues };
	}
	return { from, to, typed, issues };
}

/**
 * Reads the queue's URL parameters. Unknown or malformed values are dropped rather than
 * refused: a hand-edited or old link still shows a queue, never an error. Dates are the exception: a bad one is
 * left out of the filter and reported in `issues`, for the page to say beside the field.
 */
export function parseQueueParams(p: URLSearchParams): QueueParams {
	const line = Number(p.get('linje'));
	const unit = p.get('enhet');
	const category = p.get('kategori');
	const model = p.get('modell');
	const q = (p.get('q') ?? '').trim().slice(0, 200);
	const dates = parseDates(p);
	return {
		typed: dates.typed,
		issues: dates.issues,
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
			q: q || undefined,
			from: dates.from,
			to: dates.to
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
		['fran', f.from],
		['till', f.to],
		['sortering', sort === 'newest' ? undefined : sort],
		['efter', after ?? undefined]
	];
	for (const [k, v] of pairs) if (v !== undefined && v !== '') p.set(k, String(v));
	return p.toString();
}

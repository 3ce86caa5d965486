import type { QueueRow } from './find-queue';

/** The fields of a queue row the page shows. */
export function presentQueueRow(r: QueueRow) {
	return {
		number: r.number,
		title: r.title,
		chain: r.chain,
		state: r.state,
		line: r.line,
		unitName: r.unitName,
		categoryName: r.categoryName,
		assigneeName: r.assigneeName,
		slaStatus: r.slaStatus,
		slaDueAt: r.slaDueAt ? r.slaDueAt.toISOString() : null,
		overdueSince: r.overdueSince ? r.overdueSince.toISOString() : null
	};
}

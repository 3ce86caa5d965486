import { isAppError } from '$lib/server/errors';
import { throwHttp } from '$lib/server/http/errors';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { findAuditEvents } from '$lib/server/audit/find-audit-events';
import { findAuditFilterOptions } from '$lib/server/audit/find-audit-filter-options';
import { presentAuditEvent } from '$lib/server/audit/present-audit-event';
import { AUDIT_FILTER_FIELDS } from '$lib/server/audit/audit-filter';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'audit.view');
	const db = event.locals.db;
	const params = event.url.searchParams;
	const values = Object.fromEntries(AUDIT_FILTER_FIELDS.map((f) => [f, params.get(f) ?? '']));
	const before = params.get('before') ?? undefined;
	const options = await findAuditFilterOptions(db, { actor, organizerId: organizer.id });
	try {
		const page = await findAuditEvents(db, { actor, organizerId: organizer.id, filter: { ...values, before }, limit: 50 });
		return {
			values,
			options,
			issues: [],
			events: page.rows.map((r) => presentAuditEvent(r, actor, organizer.id)),
			nextCursor: page.nextCursor,
			paged: page.filter.before !== undefined
		};
	} catch (e) {
		if (!isAppError(e) || e.code !== 'INVALID') throwHttp(e);
		return { values, options, issues: e.issues, events: [], nextCursor: null, paged: false };
	}
};

import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { findDevices } from '$lib/server/devices/find-devices';
import { LABEL_SHEETS, labelsPerPage } from '$lib/server/devices/label-sheets';
import { MAX_LABELS } from '$lib/server/devices/print-device-labels';
import type { PageServerLoad } from './$types';

/** The label form for the register's filter: how many labels, which stock, how many to skip. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'devices.view');
	const p = event.url.searchParams;
	const filter = { unitId: p.get('enhet') ?? '', modelId: p.get('modell') ?? '', status: p.get('status') ?? '', q: p.get('sok') ?? '' };
	const found = await findDevices(event.locals.db, { actor, organizerId: organizer.id, filter, limit: 1, withHolders: false }).catch(
		throwHttp
	);
	const unit = found.units.find((u) => u.id === found.filter.unitId);
	const model = found.models.find((mo) => mo.id === found.filter.modelId);
	return {
		filter: found.filter,
		filterText: { unit: unit?.name ?? '', model: model ? `${model.maker} ${model.model}` : '' },
		total: found.total,
		max: MAX_LABELS,
		sheets: LABEL_SHEETS.map((s) => ({ key: s.key, perPage: labelsPerPage(s), width: s.width, height: s.height })),
		error: { field: p.get('fel') ?? '', sheet: p.get('ark') ?? '', skip: p.get('hoppa') ?? '' }
	};
};

import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp, runAction } from '$lib/server/http/errors';
import { createUnit } from '$lib/server/org/create-unit';
import { findUnits } from '$lib/server/org/find-units';
import { presentParentOption } from '$lib/server/org/present-unit';
import { SCHOOL_TYPES, UNIT_KIND_KEYS } from '$lib/server/org/unit-kinds';
import { parseUnitForm, readUnitForm } from '../unit-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'organizer.administer');
	const rows = await findUnits(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return { parentOptions: rows.map(presentParentOption), kinds: UNIT_KIND_KEYS, schoolTypeCodes: SCHOOL_TYPES };
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'organizer.administer');
		const values = readUnitForm(await event.request.formData());
		const parsed = parseUnitForm(values, 'create');
		if (parsed.failure) return parsed.failure;
		return runAction(
			async () => {
				await createUnit(event.locals.db, { actor, organizerId: organizer.id, input: parsed.input });
				redirect(303, `/${organizer.slug}/admin/enheter?klart=skapad`);
			},
			{ values, field: 'create', data: { action: 'create' } }
		);
	}
};

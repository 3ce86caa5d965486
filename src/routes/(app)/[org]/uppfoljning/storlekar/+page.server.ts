import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { todayInStockholm } from '$lib/server/auth/load-actor';
import { recentSchoolYears } from '$lib/server/support/followup/school-years';
import { findUnitSizes } from '$lib/server/followup/operations/find-unit-sizes';
import { saveUnitSizes } from '$lib/server/followup/operations/save-unit-sizes';
import { importUnitSizes } from '$lib/server/followup/operations/import-unit-sizes';
import { countStaffFromSs12000 } from '$lib/server/followup/operations/count-staff-from-ss12000';
import type { Actions, PageServerLoad } from './$types';

/** The school years one may enter sizes for: the current one, the two before it, and the next (planning ahead). */
function yearsOffered() {
	const recent = recentSchoolYears(todayInStockholm(), 3).map((y) => y.key);
	const first = Number(recent[0].slice(0, 4)) + 1;
	return [`${first}/${String((first + 1) % 100).padStart(2, '0')}`, ...recent];
}

/** Unit sizes per school year (followup.configure): typed in a table, imported from CSV, or staff counted from SS 12000. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'followup.configure');
	const years = yearsOffered();
	const asked = event.url.searchParams.get('lasar');
	const year = asked && years.includes(asked) ? asked : years[1];
	const rows = await findUnitSizes(event.locals.db, { actor, organizerId: organizer.id, schoolYear: year }).catch(throwHttp);
	return { rows, years, year, saved: event.url.searchParams.get('sparat') };
};

const back = (org: string, year: string, what: string, n: number) =>
	redirect(303, `/${org}/uppfoljning/storlekar?${new URLSearchParams({ lasar: year, sparat: `${what}-${n}` })}`);

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event);
		const data = await event.request.formData();
		const values = formValues(data);
		const year = String(data.get('lasar') ?? '');
		const ids = data.getAll('unit').map(String);
		const rows = ids.map((unitId) => ({
			unitId,
			students: String(data.get(`students-${unitId}`) ?? ''),
			staff: String(data.get(`staff-${unitId}`) ?? '')
		}));
		return runAction(
			async () => {
				const n = await saveUnitSizes(event.locals.db, { actor, organizerId: organizer.id, schoolYear: year, rows, source: 'manual' });
				back(organizer.slug, year, 'tabell', n);
			},
			{ values, data: { action: 'save' } }
		);
	},
	import: async (event) => {
		const { actor, organizer } = await requireOrganizer(event);
		const data = await event.request.formData();
		const year = String(data.get('lasar') ?? '');
		const file = data.get('fil');
		const text = file instanceof File ? await file.text() : String(file ?? '');
		return runAction(
			async () => {
				const n = await importUnitSizes(event.locals.db, { actor, organizerId: organizer.id, schoolYear: year, text });
				back(organizer.slug, year, 'fil', n);
			},
			{ values: { lasar: year }, field: 'fil', data: { action: 'import' } }
		);
	},
	ss12000: async (event) => {
		const { actor, organizer } = await requireOrganizer(event);
		const data = await event.request.formData();
		const year = String(data.get('lasar') ?? '');
		return runAction(
			async () => {
				const n = await countStaffFromSs12000(event.locals.db, { actor, organizerId: organizer.id, schoolYear: year });
				back(organizer.slug, year, 'ss12000', n);
			},
			{ values: { lasar: year }, field: 'ss12000', data: { action: 'ss12000' } }
		);
	}
};

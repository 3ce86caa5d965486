import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { applyRegisterImport } from '$lib/server/integrations/school-register/apply-register-import';
import { checkSchoolRegisterNow } from '$lib/server/integrations/school-register/check-school-register';
import { decideRegisterDifference } from '$lib/server/integrations/school-register/decide-register-difference';
import { getRegisterOverview } from '$lib/server/integrations/school-register/get-register-overview';
import { previewRegisterImport } from '$lib/server/integrations/school-register/preview-register-import';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'school_register.manage');
	const overview = await getRegisterOverview(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	const q = event.url.searchParams;
	return {
		...overview,
		orgNumber: organizer.orgNumber ?? null,
		municipalityCode: organizer.municipalityCode ?? null,
		imported: q.has('hamtad') ? { created: q.get('nya') ?? '0', updated: q.get('andrade') ?? '0' } : null,
		notice: q.has('kontrollerad') ? 'checked' : q.has('godkand') ? 'accepted' : q.has('avfardad') ? 'dismissed' : null
	};
};

const decide = (decision: 'accept' | 'dismiss', flag: string): Actions[string] =>
	async function (event) {
		const { actor, organizer } = await requireOrganizer(event, 'school_register.manage');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await decideRegisterDifference(event.locals.db, { actor, organizerId: organizer.id, differenceId: values.id ?? '', decision });
				redirect(303, `/${organizer.slug}/admin/skolenhetsregistret?${flag}`);
			},
			{ values, field: `difference-${values.id}`, data: { action: 'decide' } }
		);
	};

export const actions: Actions = {
	preview: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'school_register.manage');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const preview = await previewRegisterImport(event.locals.db, { actor, organizerId: organizer.id, values });
				return { action: 'import' as const, values, preview };
			},
			{ values, field: 'value', data: { action: 'import' } }
		);
	},
	apply: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'school_register.manage');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				const counts = await applyRegisterImport(event.locals.db, { actor, organizerId: organizer.id, values });
				redirect(303, `/${organizer.slug}/admin/skolenhetsregistret?hamtad&nya=${counts.created}&andrade=${counts.updated}`);
			},
			{ values, field: 'value', data: { action: 'import' } }
		);
	},
	check: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'school_register.manage');
		return runAction(
			async () => {
				await checkSchoolRegisterNow(event.locals.db, { actor, organizerId: organizer.id });
				redirect(303, `/${organizer.slug}/admin/skolenhetsregistret?kontrollerad`);
			},
			{ field: 'check', data: { action: 'check' } }
		);
	},
	accept: decide('accept', 'godkand'),
	dismiss: decide('dismiss', 'avfardad')
};

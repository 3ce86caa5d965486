import { redirect } from '@sveltejs/kit';
import { requireApps } from '$lib/server/http/require-apps';
import { runAction } from '$lib/server/http/errors';
import { importReviewPackage, previewReviewPackage } from '$lib/server/apps/import-review-package';
import { presentReviewPackage } from '$lib/server/apps/present-review-package';
import { MAX_PACKAGE_BYTES } from '$lib/server/apps/review-package';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireApps(event, 'apps.manage');
	return {};
};

/** The package's text, from the uploaded file (first step) or the hidden field of the preview (second step). */
async function packageText(data: FormData): Promise<string> {
	const file = data.get('file');
	if (file instanceof File && file.size > 0) {
		if (file.size > MAX_PACKAGE_BYTES) return ' '.repeat(MAX_PACKAGE_BYTES + 1);
		return new TextDecoder().decode(await file.arrayBuffer());
	}
	return String(data.get('package') ?? '');
}

export const actions: Actions = {
	/** Checks the signature and shows what would be added; the checked text goes back in the page for the next step. */
	check: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const text = await packageText(await event.request.formData());
		return runAction(async () => {
			const pkg = await previewReviewPackage(event.locals.db, { actor, organizerId: organizer.id, text });
			return { preview: presentReviewPackage(pkg), text };
		});
	},
	/** Checks the package again and adds the tool, with its origin, to the register. */
	add: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const text = await packageText(await event.request.formData());
		return runAction(async () => {
			const tool = await importReviewPackage(event.locals.db, { actor, organizerId: organizer.id, text });
			redirect(303, `/${organizer.slug}/appar/register/${tool.id}?ny`);
		});
	}
};

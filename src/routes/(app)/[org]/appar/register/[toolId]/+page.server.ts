import { requireApps } from '$lib/server/http/require-apps';
import { runAction, throwHttp } from '$lib/server/http/errors';
import { addAgreement } from '$lib/server/apps/add-agreement';
import { addReviewComment } from '$lib/server/apps/add-review-comment';
import { attachAgreementFile } from '$lib/server/apps/attach-agreement-file';
import { decideTool } from '$lib/server/apps/decide-tool';
import { getTool } from '$lib/server/apps/get-tool';
import { getToolClassification } from '$lib/server/apps/get-tool-classification';
import { installationKeyId } from '$lib/server/apps/installation-key-id';
import { listOwnerOptions } from '$lib/server/apps/owner-options';
import { saveTool } from '$lib/server/apps/save-tool';
import { readUploadedFiles } from '$lib/server/support/tickets/read-uploaded-files';
import { entryFieldName, toolFormInput } from '$lib/server/apps/tool-form';
import { SCHOOL_FORMS, TOOL_KINDS, TOOL_OUTCOMES, TOOL_SIGN_INS } from '$lib/server/db/schema/apps';
import type { Actions, PageServerLoad } from './$types';

/** One tool: its details, agreements and decisions, and for the register's managers the forms that change them. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireApps(event, 'apps.register');
	const page = await getTool(event.locals.db, { actor, organizerId: organizer.id, toolId: event.params.toolId }).catch(throwHttp);
	const classification = await getToolClassification(event.locals.db, { actor, organizerId: organizer.id, toolId: page.tool.id }).catch(
		throwHttp
	);
	return {
		...page,
		classification,
		owners: page.canManage ? await listOwnerOptions(event.locals.db, organizer.id) : [],
		kinds: TOOL_KINDS,
		signIns: TOOL_SIGN_INS,
		schoolForms: SCHOOL_FORMS,
		outcomes: TOOL_OUTCOMES,
		created: event.url.searchParams.has('ny'),
		keyId: page.canManage ? installationKeyId() : null
	};
};

/** Each form of the page runs through the same steps; `action` tells the page which of them failed. */
const run =
	(action: 'save' | 'agreement' | 'decide', work: typeof saveTool | typeof addAgreement | typeof decideTool, done: string) =>
	async (event: Parameters<Actions[string]>[0]) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		// The decision's school forms are named apart from the tool's own: both groups are on the page.
		const formsField = action === 'decide' ? 'decisionForms' : 'schoolForms';
		const { input, values } = toolFormInput(await event.request.formData(), formsField);
		const toolId = event.params.toolId!;
		return runAction(
			async () => {
				await work(event.locals.db, { actor, organizerId: organizer.id, toolId, input });
				return { action, done };
			},
			{
				values,
				data: { action },
				renameField: (f) => (f === 'schoolForms' ? formsField : action === 'save' ? entryFieldName(f) : f)
			}
		);
	};

export const actions: Actions = {
	save: run('save', saveTool, 'saved'),
	agreement: run('agreement', addAgreement, 'agreement_added'),
	decide: run('decide', decideTool, 'decided'),
	/** A comment on the review (the data protection officer, the register's managers); decides nothing. */
	comment: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.comment');
		const body = String((await event.request.formData()).get('body') ?? '');
		return runAction(
			async () => {
				await addReviewComment(event.locals.db, { actor, organizerId: organizer.id, toolId: event.params.toolId, body });
				return { action: 'comment', done: 'commented' };
			},
			{ values: { body }, data: { action: 'comment' } }
		);
	},
	/** The signed agreement as a PDF; a file already there stays as history (decision 057). */
	agreementFile: async (event) => {
		const { actor, organizer } = await requireApps(event, 'apps.manage');
		const data = await event.request.formData();
		const agreementId = String(data.get('agreementId') ?? '');
		const [file] = await readUploadedFiles(data, 'file', 1);
		return runAction(
			async () => {
				await attachAgreementFile(event.locals.db, {
					actor,
					organizerId: organizer.id,
					toolId: event.params.toolId,
					agreementId,
					file: file ?? null
				});
				return { action: 'agreementFile', done: 'file_attached' };
			},
			{ values: { agreementId }, field: 'file', data: { action: 'agreementFile' } }
		);
	}
};

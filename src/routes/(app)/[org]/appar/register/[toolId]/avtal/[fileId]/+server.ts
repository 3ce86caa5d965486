import { requireApps } from '$lib/server/http/require-apps';
import { throwHttp } from '$lib/server/http/errors';
import { fileDownload } from '$lib/server/http/file-download';
import { getAgreementFile } from '$lib/server/apps/get-agreement-file';
import type { RequestHandler } from './$types';

/** Downloads an agreement's file (the one in force or an earlier one) for whoever reads the register (decision 057). */
export const GET: RequestHandler = async (event) => {
	const { actor, organizer } = await requireApps(event, 'apps.register');
	const file = await getAgreementFile(event.locals.db, {
		actor,
		organizerId: organizer.id,
		toolId: event.params.toolId,
		fileId: event.params.fileId
	}).catch(throwHttp);
	return fileDownload(file);
};

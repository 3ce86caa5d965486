import { redirect, type RequestEvent } from '@sveltejs/kit';
import { throwHttp, runAction } from '$lib/server/http/errors';
import { getTeam } from '$lib/server/support/config/get-team';
import { renameTeam, setTeamArchived } from '$lib/server/support/config/update-team';
import { addTeamMember, removeTeamMember } from '$lib/server/support/config/team-members';
import { addTeamOrganizer, removeTeamOrganizer } from '$lib/server/support/config/team-organizers';
import { presentTeamRow } from '$lib/server/support/config/present-config';
import { getTeamChannels, saveTeamChannels, sendTestChannelPost } from '$lib/server/notifications/team-channels';
import { requestJob } from '$lib/server/jobs/app-jobs';
import { checked, doneFrom, supportAdminContext, text } from '../../support-admin';
import type { Actions, PageServerLoad } from './$types';

const DONE = [
	'skapat',
	'sparat',
	'arkiverat',
	'aterstallt',
	'medlem',
	'borttagen',
	'huvudman',
	'huvudman-borttagen',
	'kanaler',
	'testmeddelande'
] as const;

export const load: PageServerLoad = async (event) => {
	const { db, opts, organizer } = await supportAdminContext(event);
	const search = (event.url.searchParams.get('sok') ?? '').slice(0, 100);
	const view = await getTeam(db, { ...opts, teamId: event.params.teamId, search }).catch(throwHttp);
	return {
		team: presentTeamRow(view.team),
		members: view.members,
		candidates: view.candidates,
		served: view.served.map((o) => ({ ...o, owner: o.id === organizer.id })),
		servable: view.servable,
		channels: await getTeamChannels(db, { ...opts, teamId: view.team.id }),
		search,
		done: doneFrom(event.url, DONE)
	};
};

async function context(event: RequestEvent<{ org: string; teamId: string }>) {
	const c = await supportAdminContext(event);
	const page = `${c.base}/team/${event.params.teamId}`;
	return { db: c.db, page, opts: { ...c.opts, teamId: event.params.teamId }, data: await event.request.formData() };
}

export const actions: Actions = {
	rename: async (event) => {
		const { db, page, opts, data } = await context(event);
		const input = { name: text(data, 'name'), supplierName: text(data, 'supplierName') };
		return runAction(
			async () => {
				await renameTeam(db, { ...opts, input });
				redirect(303, `${page}?klart=sparat`);
			},
			{ values: input, field: 'rename', data: { action: 'rename' } }
		);
	},
	archive: async (event) => {
		const { db, page, opts } = await context(event);
		await setTeamArchived(db, { ...opts, archive: true }).catch(throwHttp);
		redirect(303, `${page}?klart=arkiverat`);
	},
	restore: async (event) => {
		const { db, page, opts } = await context(event);
		await setTeamArchived(db, { ...opts, archive: false }).catch(throwHttp);
		redirect(303, `${page}?klart=aterstallt`);
	},
	addMember: async (event) => {
		const { db, page, opts, data } = await context(event);
		const personId = text(data, 'personId');
		return runAction(
			async () => {
				await addTeamMember(db, { ...opts, personId });
				redirect(303, `${page}?klart=medlem#medlemmar`);
			},
			{ values: { personId }, field: 'addMember', data: { action: 'addMember' } }
		);
	},
	removeMember: async (event) => {
		const { db, page, opts, data } = await context(event);
		const personId = text(data, 'personId');
		return runAction(
			async () => {
				await removeTeamMember(db, { ...opts, personId });
				redirect(303, `${page}?klart=borttagen#medlemmar`);
			},
			{ field: 'removeMember', data: { action: 'removeMember' }, renameField: () => 'medlemmar' }
		);
	},
	addOrganizer: async (event) => {
		const { db, page, opts, data } = await context(event);
		const servedId = text(data, 'servedId');
		return runAction(
			async () => {
				await addTeamOrganizer(db, { ...opts, servedId });
				redirect(303, `${page}?klart=huvudman#huvudman`);
			},
			{ values: { servedId }, field: 'addOrganizer', data: { action: 'addOrganizer' } }
		);
	},
	/** The team's chat channels (decision 026): addresses are secrets, so a failed form keeps only the boxes. */
	saveChannels: async (event) => {
		const { db, page, opts, data } = await context(event);
		const input = {
			teamsUrl: text(data, 'teamsUrl'),
			googleChatUrl: text(data, 'googleChatUrl'),
			removeTeams: checked(data, 'removeTeams'),
			removeGoogleChat: checked(data, 'removeGoogleChat')
		};
		const values = {
			teamsUrl: input.teamsUrl,
			googleChatUrl: input.googleChatUrl,
			removeTeams: input.removeTeams ? 'on' : '',
			removeGoogleChat: input.removeGoogleChat ? 'on' : ''
		};
		return runAction(
			async () => {
				await saveTeamChannels(db, { ...opts, input });
				redirect(303, `${page}?klart=kanaler#kanaler`);
			},
			{ values, field: 'saveChannels', data: { action: 'saveChannels' } }
		);
	},
	testChannels: async (event) => {
		const { db, page, opts } = await context(event);
		return runAction(
			async () => {
				await sendTestChannelPost(db, opts);
				// Sent by the channel job, never in this request; asked for now so the post does not wait for the next minute.
				void requestJob('notification-channels').catch(() => undefined);
				redirect(303, `${page}?klart=testmeddelande#kanaler`);
			},
			{ field: 'testChannels', data: { action: 'testChannels' }, renameField: () => 'test' }
		);
	},
	removeOrganizer: async (event) => {
		const { db, page, opts, data } = await context(event);
		const servedId = text(data, 'servedId');
		return runAction(
			async () => {
				await removeTeamOrganizer(db, { ...opts, servedId });
				redirect(303, `${page}?klart=huvudman-borttagen#huvudman`);
			},
			{ field: 'removeOrganizer', data: { action: 'removeOrganizer' }, renameField: () => 'huvudman' }
		);
	}
};

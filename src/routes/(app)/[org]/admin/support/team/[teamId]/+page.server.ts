import { redirect, type RequestEvent } from '@sveltejs/kit';
import { throwHttp } from '$lib/server/http/errors';
import { getTeam } from '$lib/server/support/config/get-team';
import { renameTeam, setTeamArchived } from '$lib/server/support/config/update-team';
import { addTeamMember, removeTeamMember } from '$lib/server/support/config/team-members';
import { addTeamOrganizer, removeTeamOrganizer } from '$lib/server/support/config/team-organizers';
import { presentTeamRow } from '$lib/server/support/config/present-config';
import { getTeamChannels, saveTeamChannels, sendTestChannelPost } from '$lib/server/notifications/team-channels';
import { requestJob } from '$lib/server/jobs/app-jobs';
import { checked, doneFrom, failAction, supportAdminContext, text } from '../../support-admin';
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
		try {
			await renameTeam(db, { ...opts, input });
		} catch (e) {
			return failAction(e, input, 'rename');
		}
		redirect(303, `${page}?klart=sparat`);
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
		try {
			await addTeamMember(db, { ...opts, personId });
		} catch (e) {
			return failAction(e, { personId }, 'addMember');
		}
		redirect(303, `${page}?klart=medlem#medlemmar`);
	},
	removeMember: async (event) => {
		const { db, page, opts, data } = await context(event);
		const personId = text(data, 'personId');
		try {
			await removeTeamMember(db, { ...opts, personId });
		} catch (e) {
			return failAction(e, {}, 'removeMember', 'medlemmar');
		}
		redirect(303, `${page}?klart=borttagen#medlemmar`);
	},
	addOrganizer: async (event) => {
		const { db, page, opts, data } = await context(event);
		const servedId = text(data, 'servedId');
		try {
			await addTeamOrganizer(db, { ...opts, servedId });
		} catch (e) {
			return failAction(e, { servedId }, 'addOrganizer');
		}
		redirect(303, `${page}?klart=huvudman#huvudman`);
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
		try {
			await saveTeamChannels(db, { ...opts, input });
		} catch (e) {
			return failAction(
				e,
				{
					teamsUrl: input.teamsUrl,
					googleChatUrl: input.googleChatUrl,
					removeTeams: input.removeTeams ? 'on' : '',
					removeGoogleChat: input.removeGoogleChat ? 'on' : ''
				},
				'saveChannels'
			);
		}
		redirect(303, `${page}?klart=kanaler#kanaler`);
	},
	testChannels: async (event) => {
		const { db, page, opts } = await context(event);
		try {
			await sendTestChannelPost(db, opts);
		} catch (e) {
			return failAction(e, {}, 'testChannels', 'test');
		}
		// Sent by the channel job, never in this request; asked for now so the post does not wait for the next minute.
		void requestJob('notification-channels').catch(() => undefined);
		redirect(303, `${page}?klart=testmeddelande#kanaler`);
	},
	removeOrganizer: async (event) => {
		const { db, page, opts, data } = await context(event);
		const servedId = text(data, 'servedId');
		try {
			await removeTeamOrganizer(db, { ...opts, servedId });
		} catch (e) {
			return failAction(e, {}, 'removeOrganizer', 'huvudman');
		}
		redirect(303, `${page}?klart=huvudman-borttagen#huvudman`);
	}
};

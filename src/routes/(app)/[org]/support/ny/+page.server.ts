import { error, redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { failFromError, formValues, runAction } from '$lib/server/http/errors';
import { AppError, isAppError } from '$lib/server/errors';
import { CHAINS, URGENCIES } from '$lib/server/support/constants';
import { fileTicket, type FileTicketInput } from '$lib/server/support/tickets/file-ticket';
import { loadFilingOptions } from '$lib/server/support/tickets/load-filing-options';
import { MAX_ATTACHMENTS } from '$lib/server/support/tickets/check-attachment';
import { readUploadedFiles } from '$lib/server/support/tickets/read-uploaded-files';
import { recordDeflection } from '$lib/server/knowledge/suggestions/record-deflection';
import { handOverToCase } from '$lib/server/knowledge/assistant/hand-over-to-case';
import { linkConversationToCase } from '$lib/server/knowledge/assistant/link-conversation-to-case';
import { can } from '$lib/server/policies';
import { isUuid } from '$lib/server/ids';
import { suggestionsFor } from './suggestions';
import type { Actions, PageServerLoad } from './$types';

/** The articles the form showed while filing come back as hidden inputs, one per article. */
const SEEN = 'seenArticleId';
/** The FAQ assistant's conversation the case is filed from (?samtal=<id>&fraga=<turn id>), kept in a hidden input. */
const CONVERSATION = 'assistantConversationId';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const options = await loadFilingOptions(event.locals.db, { actor, organizerId: organizer.id });
	// From the assistant: the form is filled in with the question and what was shown. Not one's own conversation, or
	// junk in the address: the form starts empty, as without it.
	const q = event.url.searchParams;
	const prefill =
		isUuid(q.get('samtal')) && can(actor, 'assistant.use', { type: 'knowledge', organizerId: organizer.id })
			? await handOverToCase(event.locals.db, {
					actor,
					organizerId: organizer.id,
					orgSlug: organizer.slug,
					conversationId: q.get('samtal')!,
					turnId: q.get('fraga')
				}).catch((e) => {
					if (isAppError(e) && e.code === 'NOT_FOUND') return null;
					throw e;
				})
			: null;
	return { ...options, chains: CHAINS, urgencies: URGENCIES, prefill };
};

export const actions: Actions = {
	file: async (event) => {
		const { actor, organizer } = await requireOrganizer(event);
		const data = await event.request.formData();
		const values = formValues(data);
		const attachments = await readUploadedFiles(data, 'attachments', MAX_ATTACHMENTS);
		return runAction(
			async () => {
				const input = values as unknown as FileTicketInput;
				const seenArticleIds = data.getAll(SEEN);
				const { id, number } = await fileTicket(event.locals.db, { actor, organizerId: organizer.id, input, attachments, seenArticleIds });
				// Filed from a conversation with the assistant: the conversation gets the case. A conversation that is not
				// the person's own (a tampered form) is left alone; the case is filed all the same.
				const conversationId = values[CONVERSATION];
				if (isUuid(conversationId))
					await linkConversationToCase(event.locals.db, { actor, organizerId: organizer.id, conversationId, ticketId: id }).catch((e) => {
						if (!isAppError(e) || e.code !== 'NOT_FOUND') throw e;
					});
				redirect(303, `/${organizer.slug}/support/${number}?anmalt`);
			},
			{
				values,
				// The articles already shown stay with the form when it comes back with a problem (without JavaScript too).
				data: {
					seen: data
						.getAll(SEEN)
						.filter((v): v is string => typeof v === 'string')
						.slice(0, 30)
				},
				// A unit or student the person may not file for is a wrong choice in a list, not a forbidden page.
				recover: (e) => {
					if (!isAppError(e) || e.code !== 'FORBIDDEN') return undefined;
					const field = values.onBehalfOfId ? 'onBehalfOfId' : 'unitId';
					const message = field === 'unitId' ? 'support_error_choose_unit' : 'support_error_choose_person';
					return failFromError(new AppError('INVALID', e.message, [{ field, message }]), values);
				}
			}
		);
	},
	/** Without JavaScript: "Sök i självhjälpen först" returns the form as typed, with the suggestions beside it. */
	suggest: async (event) => {
		const { actor, organizer } = await requireOrganizer(event);
		const data = await event.request.formData();
		const values = formValues(data);
		const options = await loadFilingOptions(event.locals.db, { actor, organizerId: organizer.id });
		if (options.units.length === 0) error(403);
		if (options.form !== 'staff') values.categoryId = '';
		return runAction(
			async () => {
				const suggestions = await suggestionsFor(event.locals.db, { actor, organizerId: organizer.id, orgSlug: organizer.slug, values });
				const seen = [...new Set([...data.getAll(SEEN).filter((v) => typeof v === 'string'), ...suggestions.articles.map((a) => a.id)])];
				return { values, suggestions, seen, searched: true };
			},
			{ values }
		);
	},
	/** "Det här löste det": nothing is filed; the deflection is recorded and a confirmation shown. */
	solved: async (event) => {
		const { actor, organizer } = await requireOrganizer(event);
		const data = await event.request.formData();
		const values = formValues(data);
		const answered = values.solvedBy ?? '';
		const [kind, id] = answered.split(':');
		const input = {
			articleId: kind === 'article' ? id : undefined,
			ticketId: kind === 'case' ? id : undefined,
			title: values.title ?? '',
			description: values.description ?? '',
			categoryId: values.categoryId ?? ''
		};
		return runAction(
			async () => {
				await recordDeflection(event.locals.db, { actor, organizerId: organizer.id, input });
				redirect(303, `/${organizer.slug}/support/ny/lost`);
			},
			{ values, field: 'title' }
		);
	}
};

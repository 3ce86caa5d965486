import { m } from '$lib/paraglide/messages';
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { channelPosts, supportCategories, teamChannels } from '../db/schema';
import type { TicketRow } from '../support/tickets/ticket-resource';
import { buildGoogleChatPayload, buildTeamsPayload, type ChannelFacts } from './channel-payloads';
import type { NotificationKind } from './kinds';

const sv = { locale: 'sv' as const };

function urgencyLabel(u: string): string {
	const labels: Record<string, () => string> = {
		low: () => m.support_urgency_low({}, sv),
		normal: () => m.support_urgency_normal({}, sv),
		high: () => m.support_urgency_high({}, sv),
		critical: () => m.support_urgency_critical({}, sv)
	};
	return labels[u]?.() ?? u;
}

/** The Swedish labels every channel post uses. */
export const channelLabels = () => ({
	title: m.notifications_channel_title({}, sv),
	category: m.notifications_channel_category({}, sv),
	priority: m.notifications_channel_priority({}, sv),
	line: m.notifications_channel_level({}, sv),
	open: m.notifications_channel_open({}, sv)
});

/** Writes one post per channel the team has, in the caller's transaction; the channel job sends them. */
export async function writeChannelPosts(tx: Db, teamId: string, ticketId: string | null, facts: ChannelFacts): Promise<number> {
	const [ch] = await tx.select().from(teamChannels).where(eq(teamChannels.teamId, teamId));
	const rows = [
		...(ch?.teamsUrl ? [{ teamId, ticketId, channel: 'teams', payload: buildTeamsPayload(facts) }] : []),
		...(ch?.googleChatUrl ? [{ teamId, ticketId, channel: 'google_chat', payload: buildGoogleChatPayload(facts) }] : [])
	];
	if (rows.length) await tx.insert(channelPosts).values(rows);
	return rows.length;
}

/**
 * Queues the posts about a case for the team's chat channels (decision 026): number, title, category, priority,
 * line and link, nothing about people.
 */
export async function queueChannelPosts(
	tx: Db,
	opts: { ticket: TicketRow; teamId: string; kind: NotificationKind; link: string }
): Promise<number> {
	const { ticket } = opts;
	const [category] = ticket.categoryId
		? await tx.select({ name: supportCategories.name }).from(supportCategories).where(eq(supportCategories.id, ticket.categoryId))
		: [];
	const headline =
		opts.kind === 'sla_breached'
			? m.notifications_channel_breached({ number: ticket.number }, sv)
			: m.notifications_channel_escalated({ number: ticket.number }, sv);
	return writeChannelPosts(tx, opts.teamId, ticket.id, {
		headline,
		number: ticket.number,
		title: ticket.title.replace(/\s+/g, ' ').trim(),
		category: category?.name ?? m.notifications_channel_none({}, sv),
		priority: urgencyLabel(ticket.urgency),
		line: m.notifications_channel_line({ line: ticket.line }, sv),
		link: opts.link,
		labels: channelLabels(),
		threadKey: `${ticket.organizerId}-${ticket.number}`
	});
}

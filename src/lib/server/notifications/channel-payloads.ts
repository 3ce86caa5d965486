/**
 * What a chat channel may learn about a case: its number, title, category, priority, line and link, nothing
 * about people (decision 026: the channels are outside the organizer's control).
 */
export type ChannelFacts = {
	/** The headline, already in Swedish ("Ärende 12 har eskalerats till linje 3"). */
	headline: string;
	number: number;
	title: string;
	category: string;
	priority: string;
	line: string;
	link: string;
	/** Labels of the facts and the button, in Swedish. */
	labels: { title: string; category: string; priority: string; line: string; open: string };
	/** Threads a Google Chat space by case: "<organizer id>-<number>". Test messages use their own key. */
	threadKey: string;
};

/** A Microsoft Teams Workflows post: an Adaptive Card 1.4 in the "message with attachments" envelope. */
export function buildTeamsPayload(f: ChannelFacts) {
	return {
		type: 'message',
		attachments: [
			{
				contentType: 'application/vnd.microsoft.card.adaptive',
				contentUrl: null,
				content: {
					$schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
					type: 'AdaptiveCard',
					version: '1.4',
					body: [
						{ type: 'TextBlock', text: f.headline, weight: 'Bolder', size: 'Medium', wrap: true },
						{
							type: 'FactSet',
							facts: [
								{ title: f.labels.title, value: f.title },
								{ title: f.labels.category, value: f.category },
								{ title: f.labels.priority, value: f.priority },
								{ title: f.labels.line, value: f.line }
							]
						}
					],
					actions: [{ type: 'Action.OpenUrl', title: f.labels.open, url: f.link }]
				}
			}
		]
	};
}

/** A Google Chat post: one cardsV2 card, in the case's own thread (the address asks to reply there or start it). */
export function buildGoogleChatPayload(f: ChannelFacts) {
	return {
		text: f.headline,
		thread: { threadKey: f.threadKey },
		cardsV2: [
			{
				cardId: `case-${f.number}`,
				card: {
					header: { title: f.headline, subtitle: f.title },
					sections: [
						{
							widgets: [
								{ decoratedText: { topLabel: f.labels.category, text: f.category } },
								{ decoratedText: { topLabel: f.labels.priority, text: f.priority } },
								{ decoratedText: { topLabel: f.labels.line, text: f.line } },
								{ buttonList: { buttons: [{ text: f.labels.open, onClick: { openLink: { url: f.link } } }] } }
							]
						}
					]
				}
			}
		]
	};
}

/** The Google Chat address with the thread option: one case, one thread (a new one when the key is new). */
export function googleChatUrl(url: string): string {
	const u = new URL(url);
	u.searchParams.set('messageReplyOption', 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD');
	return u.toString();
}

/** Whether an address may be a channel: https, or http only to this machine (tests). Returns the message key or null. */
export function checkChannelUrl(raw: string): string | null {
	let u: URL;
	try {
		u = new URL(raw);
	} catch {
		return 'notifications_error_url';
	}
	if (u.protocol === 'https:') return null;
	if (u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost')) return null;
	return 'notifications_error_https';
}

/** The last characters of a saved address, for "sparad, slutar på …". */
export const urlEnding = (url: string) => url.slice(-6);

// Covers: buildGoogleChatPayload, buildTeamsPayload, checkChannelUrl, googleChatUrl, urlEnding.
import { describe, expect, it } from 'vitest';
import { isChatCard, isTeamsCard } from '../../../../tests/webhook-receiver';
import {
	buildGoogleChatPayload,
	buildTeamsPayload,
	checkChannelUrl,
	googleChatUrl,
	urlEnding,
	type ChannelFacts
} from './channel-payloads';

const facts: ChannelFacts = {
	headline: 'Ärende 12 har eskalerats till teamet',
	number: 12,
	title: 'Projektorn i sal 4',
	category: 'Projektor',
	priority: 'Hög',
	line: 'Linje 3',
	link: 'https://rodtrad.example/kommun/support/12',
	labels: { title: 'Rubrik', category: 'Kategori', priority: 'Prioritet', line: 'Linje', open: 'Öppna ärendet' },
	threadKey: 'org-12'
};

describe('team channel payloads', () => {
	it('wraps an Adaptive Card 1.4 in the Workflows "message with attachments" envelope, with a button to the case', () => {
		const p = buildTeamsPayload(facts);
		expect(isTeamsCard(p)).toBe(true);
		expect(p).toMatchObject({
			type: 'message',
			attachments: [
				{
					contentType: 'application/vnd.microsoft.card.adaptive',
					content: { type: 'AdaptiveCard', version: '1.4', actions: [{ type: 'Action.OpenUrl', url: facts.link }] }
				}
			]
		});
		expect(JSON.stringify(p)).toContain('Projektorn i sal 4');
	});

	it('posts a cardsV2 card to Google Chat in the case’s own thread', () => {
		const p = buildGoogleChatPayload(facts);
		expect(p.thread).toEqual({ threadKey: 'org-12' });
		expect(p.cardsV2[0].card.header.title).toBe(facts.headline);
		expect(JSON.stringify(p)).toContain(facts.link);
		const url = new URL(googleChatUrl('https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=t'));
		expect(url.searchParams.get('messageReplyOption')).toBe('REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD');
		expect(url.searchParams.get('token')).toBe('t');
		expect(isChatCard(p, Object.fromEntries(url.searchParams))).toBe(true);
	});

	it('carries only the case facts it was given: no field for a person', () => {
		const keys = JSON.stringify([buildTeamsPayload(facts), buildGoogleChatPayload(facts)]);
		expect(keys).not.toMatch(/requester|assignee|email|name"/i);
	});

	it('accepts https addresses and http only to this machine', () => {
		expect(checkChannelUrl('https://prod-12.westeurope.logic.azure.com/workflows/x')).toBeNull();
		expect(checkChannelUrl('http://127.0.0.1:4000/teams/a')).toBeNull();
		expect(checkChannelUrl('http://localhost:4000/teams/a')).toBeNull();
		expect(checkChannelUrl('http://hooks.example.com/x')).toBe('notifications_error_https');
		expect(checkChannelUrl('ftp://x')).toBe('notifications_error_https');
		expect(checkChannelUrl('inte en adress')).toBe('notifications_error_url');
		expect(urlEnding('https://x.example/abcdef123456')).toBe('123456');
	});
});

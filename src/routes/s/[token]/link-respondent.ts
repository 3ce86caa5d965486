import type { Cookies, RequestEvent } from '@sveltejs/kit';
import type { AnswerPaths } from '$lib/server/http/answer-pages';
import type { Respondent } from '$lib/server/assessment/answering/respondent';
import { sessionCookieOptions } from '$lib/server/auth/cookie';

/** The cookie that lets one browser resume its anonymous response; scoped to the link's pages. */
const COOKIE = 'rodtrad_svar';
const RESUME_DAYS = 120;

export const linkPaths = (token: string): AnswerPaths => {
	const start = `/s/${encodeURIComponent(token)}`;
	return { start, page: `${start}/svar`, review: `${start}/granska` };
};

/** The browser holding the link, with its resume token when it has started. */
export function linkRespondent(event: Pick<RequestEvent, 'params' | 'cookies'>): { respondent: Respondent; paths: AnswerPaths } {
	const token = (event.params as Record<string, string>).token;
	return {
		respondent: { kind: 'link', token, resumeToken: event.cookies.get(COOKIE) ?? null },
		paths: linkPaths(token)
	};
}

/** Remembers a new response in this browser: HttpOnly, only sent to this link's pages. */
export function setResumeCookie(cookies: Cookies, token: string, resumeToken: string) {
	cookies.set(COOKIE, resumeToken, { ...sessionCookieOptions(), path: linkPaths(token).start, maxAge: RESUME_DAYS * 24 * 60 * 60 });
}

/** Anonymous answers must not be cached by a shared computer's browser or a proxy. */
export const NO_STORE = { 'cache-control': 'private, no-store' };

/** Request contexts for the attack tests: a signed-in person's requests, and form posts as a browser sends them. */
import type { APIRequestContext, Browser } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from '../helpers';

/** A signed-in person's requests and the site's origin. */
export type Attacker = { request: APIRequestContext; baseURL: string };

/** Signs in (with the demo's password unless given) in a new browser context and returns its requests. */
export async function signedInAs(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Attacker> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, email, password);
	const baseURL = new URL(page.url()).origin;
	await page.close();
	return { request: context.request, baseURL };
}

/** A form post as the browser sends it (from this site unless another origin is given), without following the answer. */
export const postForm = (who: Attacker, url: string, form: Record<string, string>, origin = who.baseURL) =>
	who.request.post(url, { form, headers: { origin, accept: 'text/html' }, maxRedirects: 0 });

/**
 * The people the authorization matrix needs beyond the demo's own (issue 12): a second organizer with its
 * administrator, people it shares with the demo organizer, and a supplier who reaches the demo organizer only
 * through a team that serves it. Everything goes through the product's own forms, as an administrator would.
 */
import { expect, type APIRequestContext, type Browser } from '@playwright/test';
import { setPasswordByMail, signIn } from '../helpers';

export const OTHER_ADMIN = { email: 'admin@grannby-friskola.example', password: 'grannbys långa lösenord' };
/** Administrator of both organizers (invited into the second one): sets up the serving team. */
export const BRIDGE = { name: 'Brita Brobyggare', email: 'brita.bro@exempelkommun.example', password: 'britas alldeles egna lösenord' };
/** Member of the second organizer only, with no role anywhere, in a team that also serves the demo organizer. */
export const SERVED = { name: 'Tove Teamlund', email: 'tove@grannby-service.example', password: 'toves eget långa lösenord' };
/** Shared by both organizers (approved invitation), and one who belongs to the second organizer alone. */
export const SHARED = { name: 'Selma Delad', email: 'selma.delad@grannby-friskola.example' };
export const SOLE = { name: 'Tore Ensam', email: 'tore.ensam@grannby-friskola.example' };

export type Ctx = { request: APIRequestContext; baseURL: string };

async function post(ctx: Ctx, url: string, form: Record<string, string>) {
	const res = await ctx.request.post(url, { form, headers: { origin: ctx.baseURL, accept: 'text/html' }, maxRedirects: 0 });
	expect(res.status(), `POST ${url}`).toBe(303);
	return res.headers()['location'] ?? '';
}

/** A request context signed in as `who`; with no e-mail, an anonymous one. */
export async function requestAs(browser: Browser, who: { email: string | null; password: string }): Promise<APIRequestContext> {
	const context = await browser.newContext();
	if (who.email) {
		const page = await context.newPage();
		await signIn(page, who.email, who.password);
		await page.close();
	}
	return context.request;
}

/** Adds a person by name and address; returns the new person's id (a new address gives a person page). */
async function addPerson(ctx: Ctx, org: string, p: { name: string; email: string }): Promise<string> {
	const location = await post(ctx, `/${org}/admin/personer/ny`, { name: p.name, email: p.email });
	const id = location.match(/\/admin\/personer\/([0-9a-f-]{36})/)?.[1];
	expect(id, `${p.email} is a new person in ${org}`).toBeTruthy();
	return id!;
}

/** Invites an address that exists elsewhere, and the system administrator approves the invitation. */
async function shareWith(ctx: Ctx, sys: Ctx, org: string, p: { name: string; email: string }) {
	expect(await post(ctx, `/${org}/admin/personer/ny`, { name: p.name, email: p.email })).toContain('klart=inbjuden');
	const html = await (await sys.request.get('/system')).text();
	const row = html.split('<tr').find((r) => r.includes(p.email) && r.includes('invitationId'));
	const invitationId = row?.match(/name="invitationId" value="([0-9a-f-]{36})"/)?.[1];
	expect(invitationId, `the invitation to ${p.email} on /system`).toBeTruthy();
	await post(sys, '/system?/approveInvitation', { invitationId: invitationId! });
}

export type SecondOrganizer = { slug: string; sharedId: string; soleId: string; bridgeId: string };

/**
 * Creates the second organizer (as the system administrator `sys`, who also administers `demoSlug`) and its people.
 * Returns the second organizer's slug and the ids of the shared and the sole person.
 */
export async function setUpSecondOrganizer(browser: Browser, sys: Ctx, demoSlug: string): Promise<SecondOrganizer> {
	const created = await post(sys, '/system?/create', {
		name: 'Grannby friskola',
		kind: 'enskild',
		orgNumber: '',
		municipalityCode: '',
		adminName: 'Greta Grannby',
		adminEmail: OTHER_ADMIN.email,
		password: OTHER_ADMIN.password
	});
	const slug = decodeURIComponent(created.match(/skapad=([^&]+)/)![1]);
	const other: Ctx = { request: await requestAs(browser, OTHER_ADMIN), baseURL: sys.baseURL };

	// Brita administers the demo organizer and, once invited and approved, the second one.
	const bridgeId = await addPerson(sys, demoSlug, BRIDGE);
	await post(sys, `/${demoSlug}/admin/personer/${bridgeId}?/assign`, { role: 'org_admin', unitId: '' });
	await shareWith(other, sys, slug, BRIDGE);
	await post(other, `/${slug}/admin/personer/${bridgeId}?/assign`, { role: 'org_admin', unitId: '' });

	const sharedId = await addPerson(other, slug, SHARED);
	await shareWith(sys, sys, demoSlug, SHARED);
	const soleId = await addPerson(other, slug, SOLE);
	const servedId = await addPerson(other, slug, SERVED);

	// Brita's supplier team of the second organizer, with Tove, serving the demo organizer as well.
	await setPasswordByMail(browser, BRIDGE.email, BRIDGE.password);
	const bridge: Ctx = { request: await requestAs(browser, BRIDGE), baseURL: sys.baseURL };
	const team = await post(bridge, `/${slug}/admin/support?/addTeam`, {
		name: 'Grannbys bildservice',
		chain: 'technical',
		line: '3',
		supplierName: 'Bildservice Grannby AB'
	});
	const teamPage = team.split('?')[0];
	await post(bridge, `${teamPage}?/addMember`, { personId: servedId });
	const html = await (await bridge.request.get(teamPage)).text();
	const demoId = html.match(/<option value="([0-9a-f-]{36})"[^>]*>Exempelkommun<\/option>/)?.[1];
	expect(demoId, 'the demo organizer among those the team may serve').toBeTruthy();
	await post(bridge, `${teamPage}?/addOrganizer`, { servedId: demoId! });
	await setPasswordByMail(browser, SERVED.email, SERVED.password);
	return { slug, sharedId, soleId, bridgeId };
}

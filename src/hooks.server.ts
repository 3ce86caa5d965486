import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { AsyncLocalStorage } from 'node:async_hooks';
import { extractLocaleFromRequest, getServerAsyncLocalStorage, overwriteServerAsyncLocalStorage } from '$lib/paraglide/runtime';
import { appDatabase, closeAppDatabase } from '$lib/server/db/app-db';
import { env } from '$lib/server/env';
import { deleteExpiredSessions, SESSION_COOKIE, validateSessionActor } from '$lib/server/auth/sessions';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { loadDemo, printDemoSignIns } from '$lib/server/demo';
import { startAppJobs, stopAppJobs } from '$lib/server/jobs/app-jobs';
import { handleDatabaseDown, reportServerError } from '$lib/server/http/database-down';
import { handleBadInput } from '$lib/server/http/bad-input';
import { handleCrossSiteForms } from '$lib/server/http/cross-site-forms';
import { chainHandles } from '$lib/server/http/chain-handles';
import { TWO_FACTOR_SETUP_PATH, opensWithoutTwoFactor } from '$lib/server/auth/two-factor/setup-path';
import { appKeyring } from '$lib/server/crypto/secrets';
import { resealTeamChannels } from '$lib/server/notifications/reseal-team-channels';
import { resealTwoFactorSecrets } from '$lib/server/auth/two-factor/reseal-two-factor-secrets';
import { resealSs12000Secrets } from '$lib/server/integrations/ss12000/reseal-ss12000-secrets';
import { resealIdentityProviderSecrets } from '$lib/server/auth/sso/reseal-identity-provider-secrets';
import { resealWebhookSecrets } from '$lib/server/integrations/webhooks/reseal-webhook-secrets';
import { resealSamlServiceProviderKey } from '$lib/server/auth/sso/saml/reseal-sp-key';

/**
 * Migrations run before the first request is served; stored secrets are sealed with the current key; expired sessions go; `npm run demo` then loads the demo
 * organizer. The background jobs start without holding up the first request; on shutdown they stop and the database closes.
 */
export const init: ServerInit = async () => {
	const { db } = await appDatabase();
	// The key for sealed secrets (decision 038): made once in DATA_DIR if need be (after the database made its
	// folder); addresses and two-step secrets saved plain or under an old key are sealed with the current one.
	appKeyring();
	await resealTeamChannels(db);
	await resealTwoFactorSecrets(db);
	await resealSs12000Secrets(db);
	await resealIdentityProviderSecrets(db);
	await resealWebhookSecrets(db);
	await resealSamlServiceProviderKey(db);
	await deleteExpiredSessions(db);
	if (process.env.RODTRAD_DEMO === '1') printDemoSignIns(await loadDemo(db));
	void startAppJobs();
	process.once('sveltekit:shutdown' as never, async () => {
		await stopAppJobs();
		await closeAppDatabase();
		// Under scripts/start.js (node:cluster) the channel to the launcher would keep the process alive.
		if (process.connected) process.disconnect?.();
	});
};

/** Where Paraglide's message functions find the request's locale (as its middleware would set it up). */
const localeStore = getServerAsyncLocalStorage() ?? new AsyncLocalStorage();
overwriteServerAsyncLocalStorage(localeStore);

/**
 * The locale comes from the cookie, never the URL (strategy cookie, then the base locale). Paraglide's middleware
 * also works out URL redirects and copies the request twice for the URL strategy; neither applies here, and the
 * copies cost CPU on every request (decision 030).
 */
const handleLocale: Handle = ({ event, resolve }) => {
	const locale = extractLocaleFromRequest(event.request);
	return localeStore.run({ locale, origin: event.url.origin, messageCalls: new Set<string>() }, () =>
		resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		})
	);
};

const handleSession: Handle = async ({ event, resolve }) => {
	const { db } = await appDatabase();
	event.locals.db = db;
	event.locals.actor = null;
	event.locals.sessionToken = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		// Session, person, roles and teams in one query; on an organizer's page (GET) the organizer too.
		const read = event.request.method === 'GET' || event.request.method === 'HEAD';
		const slug = read ? event.params.org : undefined;
		const session = await validateSessionActor(db, token, env.SESSION_DAYS, slug);
		if (session) {
			event.locals.actor = session.actor;
			event.locals.sessionToken = token;
			event.locals.barredOrganizerIds = session.barredOrganizerIds;
			if (slug && session.organizer) event.locals.organizerBySlug = new Map([[slug, Promise.resolve(session.organizer)]]);
			// The bell's and the surveys' counts came with the session; after a POST an action may have changed them, so the
			// layout counts afresh.
			if (read) {
				event.locals.unreadNotifications = session.unreadNotifications;
				event.locals.surveysWaiting = session.surveysWaiting;
			}
			event.cookies.set(SESSION_COOKIE, token, { ...sessionCookieOptions(), expires: session.expiresAt });
			// An administrator who must use two-step verification sets it up before anything else (decision 019).
			if (session.mustSetUpTwoFactor) {
				event.locals.mustSetUpTwoFactor = true;
				if (!opensWithoutTwoFactor(event.url.pathname)) {
					return withSecurityHeaders(new Response(null, { status: 303, headers: { location: TWO_FACTOR_SETUP_PATH } }), true);
				}
			}
		} else {
			// A tampered, expired or revoked token: forget it.
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	return resolve(event);
};

/** The headers every answer carries, also those a hook gives before the page is resolved. */
function withSecurityHeaders(response: Response, signedIn: boolean): Response {
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (env.ORIGIN.startsWith('https:')) response.headers.set('Strict-Transport-Security', 'max-age=31536000');
	if (signedIn) response.headers.set('Cache-Control', 'private, no-store');
	return response;
}

const handleHeaders: Handle = async ({ event, resolve }) => withSecurityHeaders(await resolve(event), !!event.locals.actor);

/** In this order, one inside the other (SvelteKit's `sequence` without its per-hook overhead, decision 037). */
export const handle = chainHandles(handleCrossSiteForms, handleDatabaseDown, handleLocale, handleBadInput, handleSession, handleHeaders);

export const handleError: HandleServerError = (caught) => {
	// Kit 3 passes errors raised with error(…) here too; they keep their own body, as under Kit 2.
	if (caught.kind === 'app') return;
	// One line without SQL parameters; a database that is away becomes 503 (handleDatabaseDown, decision 017).
	if (caught.kind !== 'framework' || caught.error.status !== 404) reportServerError(caught.error, caught.event);
	return { message: 'error_generic' };
};

import { env } from '../../env';

/** A planning page for mail and calendars: `<ORIGIN>/<org slug>/<path>`, path as `planering/…`. */
export function planningLink(slug: string, path: string, origin: string = env.ORIGIN): string {
	return `${origin.replace(/\/+$/, '')}/${encodeURIComponent(slug)}/${path}`;
}

/** An action's page for mail and calendars: `<ORIGIN>/<org slug>/planering/aktivitet/<id>`. */
export const actionLink = (slug: string, actionId: string, origin: string = env.ORIGIN) =>
	planningLink(slug, `planering/aktivitet/${actionId}`, origin);

import { env } from '../../env';

/** An action's page for mail and calendars: `<ORIGIN>/<org slug>/planering/aktivitet/<id>`. */
export function actionLink(slug: string, actionId: string, origin: string = env.ORIGIN): string {
	return `${origin.replace(/\/+$/, '')}/${encodeURIComponent(slug)}/planering/aktivitet/${actionId}`;
}

import { m } from '$lib/paraglide/messages';
import type { FieldIssue } from '../../errors';

/** One field that failed validation, as the API reports it. */
export type ProblemField = { field: string; message: string };

/** The title of each problem type (one per HTTP status); the type is `/api/v1/docs#problem-<status>`. */
export const PROBLEM_TITLES: Record<number, string> = {
	400: 'Ogiltig begäran',
	401: 'Saknar giltig API-nyckel',
	403: 'Nyckeln saknar behörighet',
	404: 'Finns inte',
	409: 'Konflikt',
	415: 'Fel innehållstyp',
	429: 'För många anrop'
};

/** A message key from the domain's zod schemas as readable Swedish text (the key itself if it is not one). */
export function issueText(key: string): string {
	const fn = (m as unknown as Record<string, unknown>)[key];
	return typeof fn === 'function' ? String((fn as (i: object, o: object) => string)({}, { locale: 'sv' })) : key;
}

/** Field issues (message keys) as the API's field errors (text). */
export const problemFields = (issues: FieldIssue[]): ProblemField[] =>
	issues.map((i) => ({ field: i.field, message: issueText(i.message) }));

/**
 * An RFC 9457 problem document (`application/problem+json`): type, title, status and detail, and `errors` with one
 * entry per field when validation failed.
 */
export function problem(
	status: number,
	detail: string,
	opts: { errors?: ProblemField[]; headers?: Record<string, string> } = {}
): Response {
	const body = {
		type: `/api/v1/docs#problem-${status}`,
		title: PROBLEM_TITLES[status] ?? 'Fel',
		status,
		detail,
		...(opts.errors?.length && { errors: opts.errors })
	};
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...opts.headers }
	});
}

import { error, fail } from '@sveltejs/kit';
import { isAppError, type FieldIssue } from '../errors';

const STATUS = { NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, INVALID: 400, UNAUTHENTICATED: 401, RATE_LIMITED: 429 } as const;

/**
 * Turns a domain error into a form failure that keeps what the user typed.
 * Anything that is not an AppError is rethrown for handleError to log.
 */
export function failFromError(e: unknown, values: Record<string, unknown>, fallbackField = 'form') {
	if (!isAppError(e)) throw e;
	if (e.code === 'NOT_FOUND') error(404);
	if (e.code === 'FORBIDDEN') error(403);
	const issues: FieldIssue[] = e.issues.length ? e.issues : [{ field: fallbackField, message: e.message }];
	return fail(STATUS[e.code], { values, issues });
}

/** Rethrows a domain error as an HTTP error page (for load functions). */
export function throwHttp(e: unknown): never {
	if (isAppError(e)) error(STATUS[e.code]);
	throw e;
}

export { zodIssues } from '../errors';

/** Form data as plain strings (files and repeated keys aside), to echo back on failure. */
export function formValues(data: FormData, omit: string[] = ['password']): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of data) if (typeof v === 'string' && !omit.includes(k)) out[k] = v;
	return out;
}

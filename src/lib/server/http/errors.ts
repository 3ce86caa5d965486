import { error, fail, type ActionFailure } from '@sveltejs/kit';
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

/** How runAction turns a domain error into a form failure. */
export type RunActionOptions<D extends Record<string, unknown> = Record<never, never>> = {
	/** What the user sent, echoed back on failure so the form keeps it. */
	values?: Record<string, unknown>;
	/** The field an error without field issues is shown beside (default: the form as a whole). */
	field?: string;
	/** More to put in the failure's data, e.g. which of the page's forms failed (`{ action: 'rename' }`). */
	data?: D;
	/** Renames the fields the issues point at, when the page's inputs are named otherwise than the domain's. */
	renameField?: (field: string) => string;
};

/** runAction's options, with `recover`: a page's own answer to some errors (undefined: the usual failure). */
export type RecoveringOptions<R, D extends Record<string, unknown>> = RunActionOptions<D> & { recover?: (e: unknown) => R | undefined };

/**
 * Runs the work of one form action, the same way in every route: whatever the work returns is the action's
 * result (it usually ends in a redirect, which passes through); a domain error (AppError) becomes a form
 * failure that keeps `values` (404 and 403 become error pages); any other error is rethrown for handleError.
 * Replaces the `try { … } catch (e) { return failFromError(e, values) }` each route used to repeat.
 */
export async function runAction<T, R = never, D extends Record<string, unknown> = Record<never, never>>(
	work: () => Promise<T>,
	{ values = {}, field = 'form', data, renameField, recover }: RecoveringOptions<R, D> = {}
	// NoInfer: the action's result is what the work returns, never guessed from the route's `Actions` type.
): Promise<NoInfer<T> | NoInfer<R> | ActionFailure<{ values: Record<string, unknown>; issues: FieldIssue[] } & NoInfer<D>>> {
	try {
		return await work();
	} catch (e) {
		const recovered = recover?.(e);
		if (recovered !== undefined) return recovered;
		const failure = failFromError(e, values, field);
		const issues: FieldIssue[] = renameField
			? failure.data.issues.map((i) => ({ ...i, field: renameField(i.field) }))
			: failure.data.issues;
		return fail(failure.status, { ...failure.data, issues, ...(data as D) });
	}
}

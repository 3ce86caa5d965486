import type { z } from 'zod';

/** The only error type domain code throws; routes translate it at the edge. */
export type AppErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'INVALID' | 'UNAUTHENTICATED' | 'RATE_LIMITED';

/** A field-level problem: which field, and a message key or text for the user (with the key's parameters, if any). */
export type FieldIssue = { field: string; message: string; params?: Record<string, string | number> };

export class AppError extends Error {
	constructor(
		readonly code: AppErrorCode,
		message: string,
		readonly issues: FieldIssue[] = []
	) {
		super(message);
		this.name = 'AppError';
	}
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Zod issues as field issues: one per field (the first), since a page shows one message next to each field. */
export function zodIssues(issues: { path: PropertyKey[]; message: string }[]): FieldIssue[] {
	const seen = new Set<string>();
	return issues.flatMap((i) => {
		const field = String(i.path[0] ?? 'form');
		if (seen.has(field)) return [];
		seen.add(field);
		return [{ field, message: i.message }];
	});
}

/** Throws INVALID with all the issues at once, if there are any. */
export function throwIfIssues(issues: FieldIssue[], what = 'invalid input'): void {
	if (issues.length) throw new AppError('INVALID', what, issues);
}

/** Parses with a zod schema whose messages are message keys; INVALID with one issue per field otherwise. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = 'invalid input'): z.output<S> {
	const parsed = schema.safeParse(input);
	if (!parsed.success) throw new AppError('INVALID', what, zodIssues(parsed.error.issues));
	return parsed.data;
}

/** INVALID about one field: the message key is shown beside it. */
export const invalid = (field: string, message: string): AppError => new AppError('INVALID', message, [{ field, message }]);

/** CONFLICT about one field (the state changed under the user): the message key is shown beside it. */
export const conflict = (field: string, message: string): AppError => new AppError('CONFLICT', message, [{ field, message }]);

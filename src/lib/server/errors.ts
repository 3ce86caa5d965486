/** The only error type domain code throws; routes translate it at the edge. */
export type AppErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'INVALID' | 'UNAUTHENTICATED' | 'RATE_LIMITED';

/** A field-level problem: which field, and a message key or text for the user. */
export type FieldIssue = { field: string; message: string };

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

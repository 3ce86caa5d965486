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

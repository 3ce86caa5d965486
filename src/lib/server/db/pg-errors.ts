/**
 * What PostgreSQL said when a query failed. Drizzle wraps the driver's error (pg or PGlite) in `cause`, so each
 * check walks down the chain to the first error that carries a five-character SQLSTATE code.
 */
type DriverError = { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };

function driverError(e: unknown): DriverError | null {
	let err = e as DriverError | null | undefined;
	for (let depth = 0; err && typeof err === 'object' && depth < 6; depth++) {
		if (typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code)) return err;
		err = err.cause as DriverError | null | undefined;
	}
	return null;
}

/** The SQLSTATE code and constraint behind a failed query, or an empty object for any other error. */
export function pgErrorOf(e: unknown): { code?: string; constraint?: string } {
	const err = driverError(e);
	if (!err) return {};
	return { code: err.code as string, constraint: typeof err.constraint === 'string' ? err.constraint : undefined };
}

/**
 * Whether a failed query broke a unique constraint — the named one, when a name is given. Some drivers leave the
 * constraint out of the error's fields; then the name is looked for in the message.
 */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
	const err = driverError(e);
	if (err?.code !== '23505') return false;
	if (!constraint) return true;
	return typeof err.constraint === 'string' ? err.constraint === constraint : String(err.message ?? '').includes(constraint);
}

/** Whether a failed query broke a foreign key: something still refers to the row. */
export const isForeignKeyViolation = (e: unknown) => driverError(e)?.code === '23503';

/** Whether a failed query broke the named unique constraint (drizzle wraps the driver's error in `cause`). */
export function isUniqueViolation(e: unknown, constraint: string): boolean {
	for (let err = e as { code?: string; constraint?: string; message?: string; cause?: unknown } | null; err && typeof err === 'object';) {
		if (err.code === '23505') return err.constraint ? err.constraint === constraint : String(err.message ?? '').includes(constraint);
		err = err.cause as typeof err;
	}
	return false;
}

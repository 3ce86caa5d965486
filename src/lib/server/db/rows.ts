/** The rows of a raw `db.execute(sql…)` result: both drivers (pg and PGlite) return them as `rows`. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

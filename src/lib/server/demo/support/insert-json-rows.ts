import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db';

/** Rows per statement: one JSON parameter each, so the size is bounded only by memory. */
const CHUNK = 5000;

/**
 * Bulk insert through one JSON parameter per chunk (`INSERT … SELECT … FROM jsonb_to_recordset($1)`).
 * On PGlite this is several times quicker than a multi-row VALUES list with thousands of bound
 * parameters, and it works the same on PostgreSQL. The columns written are the keys of the first row
 * (use null, not a missing key, for an empty value in later rows); other columns get their defaults.
 */
export async function insertJsonRows<T extends PgTable>(tx: Db, table: T, rows: T['$inferInsert'][]): Promise<void> {
	if (!rows.length) return;
	const columns = getTableColumns(table) as Record<string, { name: string; getSQLType: () => string }>;
	const keys = Object.keys(rows[0]).filter((k) => k in columns);
	const names = sql.join(
		keys.map((k) => sql.identifier(columns[k].name)),
		sql`, `
	);
	const types = sql.join(
		keys.map((k) => sql`${sql.identifier(columns[k].name)} ${sql.raw(columns[k].getSQLType())}`),
		sql`, `
	);
	for (let i = 0; i < rows.length; i += CHUNK) {
		const chunk = rows.slice(i, i + CHUNK).map((r) => {
			const row = r as Record<string, unknown>;
			return Object.fromEntries(keys.map((k) => [columns[k].name, row[k] ?? null]));
		});
		await tx.execute(
			sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(${types})`
		);
	}
}

import { sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';

const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows);

/**
 * Every table of the database (all schemas but the system's) with its row count and a checksum of all its rows,
 * in a stable order: two databases with equal results hold the same rows.
 */
export async function tableChecksums(db: Db): Promise<Record<string, { rows: number; md5: string }>> {
	const tables = rowsOf<{ schema: string; name: string }>(
		await db.execute(sql`select table_schema as schema, table_name as name from information_schema.tables
			where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`)
	);
	const out: Record<string, { rows: number; md5: string }> = {};
	for (const t of tables) {
		const name = sql.raw(`"${t.schema}"."${t.name}"`);
		const [r] = rowsOf<{ n: number | string; md5: string }>(
			await db.execute(sql`select count(*) as n, md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) as md5 from ${name} t`)
		);
		out[`${t.schema}.${t.name}`] = { rows: Number(r.n), md5: r.md5 };
	}
	return out;
}

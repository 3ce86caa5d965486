// Covers: the lost_time migration (lessons and minutes become one amount in minutes with a unit).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';

const t = useTestDatabase();
const dir = join(process.cwd(), 'drizzle');
const file = readdirSync(dir).find((f) => f.endsWith('_lost_time.sql'));

describe('the lost_time migration', () => {
	it('turns lessons and minutes into one amount without losing or double counting any', async () => {
		expect(file).toBeDefined();
		// The migration's own statements, run on a copy of the old columns (the test database is already migrated).
		const statements = readFileSync(join(dir, file!), 'utf8')
			.split('--> statement-breakpoint')
			.map((s) => s.replaceAll('"tickets"', '"old_tickets"'));
		await t.db.execute(
			sql`CREATE TABLE old_tickets (n int PRIMARY KEY, lessons_lost smallint NOT NULL DEFAULT 0, minutes_lost integer NOT NULL DEFAULT 0)`
		);
		await t.db.execute(sql`INSERT INTO old_tickets VALUES (1, 0, 0), (2, 2, 0), (3, 0, 90), (4, 1, 30), (5, 1, 100)`);
		for (const s of statements) await t.db.execute(sql.raw(s));
		const rows = (await t.db.execute(sql`SELECT * FROM old_tickets ORDER BY n`)) as unknown as { rows: Record<string, unknown>[] };
		expect(rows.rows).toEqual([
			{ n: 1, minutes_lost: 0, lost_time_unit: 'lesson' },
			{ n: 2, minutes_lost: 120, lost_time_unit: 'lesson' },
			{ n: 3, minutes_lost: 90, lost_time_unit: 'minute' },
			// Both given: the same loss told twice, so the larger is kept, never the sum.
			{ n: 4, minutes_lost: 60, lost_time_unit: 'lesson' },
			{ n: 5, minutes_lost: 100, lost_time_unit: 'minute' }
		]);
	});
});

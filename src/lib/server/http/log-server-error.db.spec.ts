// Covers: isDatabaseUnavailable, describeError, logServerError, resetLogRateLimit.
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { sessions } from '../db/schema';
import { isDatabaseUnavailable } from './database-down';
import { describeError, logServerError, resetLogRateLimit } from './log-server-error';

const t = useTestDatabase();
beforeEach(() => resetLogRateLimit());

const TOKEN_HASH = 'c0ffee0123456789abcdef-a-session-token-hash';

describe('logging a real failed query', () => {
	it('prints the database error without the SQL text or the parameters drizzle put in its message', async () => {
		// A bad value for a uuid column, next to a token hash: drizzle's error message holds both.
		const error = await t.db
			.select()
			.from(sessions)
			.where(sql`${sessions.tokenHash} = ${TOKEN_HASH} and ${sessions.personId} = ${'lars.larsson@exempelkommun.se'}`)
			.catch((e: unknown) => e);
		expect(String((error as Error).message)).toContain(TOKEN_HASH); // what used to be logged
		const lines: string[] = [];
		logServerError(error, { context: 'GET /[org]', write: (l) => lines.push(l) });
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^GET \/\[org\]: DrizzleQueryError → \w+ \[22P02\]: invalid input syntax for type uuid: "…"$/);
		expect(lines[0]).not.toContain(TOKEN_HASH);
		expect(lines[0]).not.toContain('exempelkommun');
		expect(lines[0]).not.toContain('select');
		expect(isDatabaseUnavailable(error)).toBe(false);
	});

	it('keeps the database’s code and message for other errors', async () => {
		const error = await t.db.execute(sql`select 1 / 0 as boom`).catch((e: unknown) => e);
		expect(describeError(error)).toMatch(/\[22012\]: division by zero$/);
	});
});

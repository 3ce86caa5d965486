// Covers: databaseDownPage, databaseUnavailableKind, isDatabaseUnavailable.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { databaseDownPage, databaseUnavailableKind, isDatabaseUnavailable } from './database-down';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
const wrapped = (cause: unknown) =>
	Object.assign(new Error('Failed query: select 1\nparams: '), { name: 'DrizzleQueryError', cause, query: 'select 1', params: [] });

describe('telling a database that is away from other errors', () => {
	it('recognizes a refused, reset or timed-out connection, also inside a Drizzle query error', () => {
		expect(databaseUnavailableKind(wrapped(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')))).toBe('ECONNREFUSED');
		expect(databaseUnavailableKind(withCode('read ECONNRESET', 'ECONNRESET'))).toBe('ECONNRESET');
		expect(databaseUnavailableKind(new Error('timeout exceeded when trying to connect'))).toBe('connection-lost');
		expect(databaseUnavailableKind(wrapped(new Error('Connection terminated unexpectedly')))).toBe('connection-lost');
	});

	it('recognizes a server shutting down or starting up, and connection exceptions (class 08)', () => {
		for (const code of ['57P01', '57P02', '57P03', '53300', '08006', '08001'])
			expect(databaseUnavailableKind(wrapped(withCode('x', code)))).toBe(code);
	});

	it('recognizes a Unix socket that is gone, but not any missing file', () => {
		expect(isDatabaseUnavailable(withCode('connect ENOENT /tmp/pg/.s.PGSQL.5432', 'ENOENT'))).toBe(true);
		expect(isDatabaseUnavailable(withCode("ENOENT: no such file or directory, open 'x.csv'", 'ENOENT'))).toBe(false);
	});

	it('finds the cause inside an AggregateError (several addresses tried)', () => {
		expect(databaseUnavailableKind(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''))).toBe(
			'ECONNREFUSED'
		);
	});

	it('does not take bad data, bugs or constraint violations for a database that is away', () => {
		expect(isDatabaseUnavailable(wrapped(withCode('duplicate key value violates unique constraint "x"', '23505')))).toBe(false);
		expect(isDatabaseUnavailable(wrapped(withCode('invalid byte sequence for encoding "UTF8": 0x00', '22021')))).toBe(false);
		expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
		expect(isDatabaseUnavailable(null)).toBe(false);
		expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
	});

	it('recognizes what node-postgres really throws when nothing listens on the port', async () => {
		const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 2000 });
		const error = await pool.query('select 1').catch((e: unknown) => e);
		await pool.end();
		expect(isDatabaseUnavailable(error)).toBe(true);
	});
});

describe('the page shown while the database is away', () => {
	it('says so in Swedish first and in English, with no script', () => {
		const html = databaseDownPage();
		expect(html).toContain('<html lang="sv">');
		expect(html).toContain('Rödtråd är tillfälligt otillgängligt');
		expect(html).toContain('<div lang="en">');
		expect(html).toContain('Rödtråd is temporarily unavailable');
		expect(html).not.toContain('<script');
	});
});

// Covers: describeError, logServerError, resetLogRateLimit, safeMessage.
import { beforeEach, describe, expect, it } from 'vitest';
import { describeError, logServerError, resetLogRateLimit, safeMessage } from './log-server-error';

/** A Drizzle query error as drizzle-orm builds it: the query and its parameters in the message, the driver's error as cause. */
function drizzleError(cause: Error) {
	const params = ['b2f6c0ffee-session-token-hash', 'lars.larsson@exempelkommun.se'];
	const e = new Error(`Failed query: select * from sessions where token_hash = $1 and email = $2\nparams: ${params.join(',')}`, { cause });
	e.name = 'DrizzleQueryError';
	Object.assign(e, { query: 'select * from sessions where token_hash = $1', params });
	return e;
}

const pgError = (message: string, code: string, detail?: string) => Object.assign(new Error(message), { name: 'error', code, detail });

beforeEach(() => resetLogRateLimit());

describe('describing an error for the log', () => {
	it('gives the driver error class, code and message of a Drizzle query error, never its SQL or parameters', () => {
		const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
		const line = describeError(drizzleError(cause));
		expect(line).toBe('DrizzleQueryError → Error [ECONNREFUSED]: connect ECONNREFUSED 127.0.0.1:5432');
		expect(line).not.toContain('session-token-hash');
		expect(line).not.toContain('select');
		expect(line).not.toContain('@exempelkommun.se');
	});

	it('leaves out a database error’s detail and the value it quotes back', () => {
		const unique = pgError(
			'duplicate key value violates unique constraint "people_email_unique"',
			'23505',
			'Key (email)=(lars@exempelkommun.se) already exists.'
		);
		expect(describeError(drizzleError(unique))).toBe(
			'DrizzleQueryError → Error [23505]: duplicate key value violates unique constraint "people_email_unique"'
		);
		const bad = pgError('invalid input syntax for type uuid: "hemligt-lösenord-123"', '22P02');
		expect(describeError(bad)).toBe('Error [22P02]: invalid input syntax for type uuid: "…"');
	});

	it('keeps only the first line of a message and at most 200 characters', () => {
		expect(safeMessage('first\nsecond line with data')).toBe('first');
		expect(safeMessage('x'.repeat(500))).toHaveLength(201);
	});

	it('names an AggregateError by its first inner error when it has no message of its own', () => {
		const agg = Object.assign(
			new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })], ''),
			{ code: 'ECONNREFUSED' }
		);
		expect(describeError(agg)).toBe('AggregateError [ECONNREFUSED]: Error [ECONNREFUSED]: connect ECONNREFUSED ::1:5432');
	});

	it('copes with thrown strings and objects', () => {
		expect(describeError('boom')).toBe('Thrown value: boom');
		expect(describeError({ message: 'plain object' })).toBe('Error: plain object');
	});
});

describe('logging an error', () => {
	it('prints the same kind once a minute and counts the ones held back', () => {
		const lines: string[] = [];
		const write = (l: string) => lines.push(l);
		const e = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
		for (let i = 0; i < 650; i++) logServerError(drizzleError(e), { context: 'database', key: 'down', write, now: 1_000 + i * 5 });
		expect(lines).toHaveLength(1);
		logServerError(drizzleError(e), { context: 'database', key: 'down', write, now: 70_000 });
		expect(lines).toHaveLength(2);
		expect(lines[1]).toContain('+649');
	});

	it('prints different kinds separately, with stack frames when asked and no parameters anywhere', () => {
		const lines: string[] = [];
		const write = (l: string) => lines.push(l);
		logServerError(drizzleError(pgError('relation "x" does not exist', '42P01')), { context: 'GET /[org]', stack: true, write });
		logServerError(new TypeError('cannot read x of undefined'), { context: 'GET /[org]', stack: true, write });
		expect(lines).toHaveLength(2);
		expect(lines[0].split('\n')[0]).toBe('GET /[org]: DrizzleQueryError → Error [42P01]: relation "x" does not exist');
		expect(lines[1]).toMatch(/^GET \/\[org\]: TypeError: cannot read x of undefined\n\s+at /);
		expect(lines.join('\n')).not.toContain('session-token-hash');
	});
});

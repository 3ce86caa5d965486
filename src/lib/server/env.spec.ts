// Covers: parseEnv.
import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
	it('keeps four PostgreSQL connections per process unless told otherwise', () => {
		expect(parseEnv({}).DATABASE_POOL_SIZE).toBe(4);
		expect(parseEnv({ DATABASE_POOL_SIZE: '10' }).DATABASE_POOL_SIZE).toBe(10);
	});

	it('names every bad value in one message', () => {
		expect(() => parseEnv({ DATABASE_POOL_SIZE: '0', PORT: 'http' })).toThrow(
			/DATABASE_POOL_SIZE[\s\S]*PORT|PORT[\s\S]*DATABASE_POOL_SIZE/
		);
		expect(() => parseEnv({ DATABASE_POOL_SIZE: 'many' })).toThrow(/DATABASE_POOL_SIZE/);
	});

	it('treats an empty value as unset', () => {
		expect(parseEnv({ DATABASE_POOL_SIZE: '' }).DATABASE_POOL_SIZE).toBe(4);
	});

	it('knows the sign-in and session settings (issue 12)', () => {
		const env = parseEnv({});
		expect(env).toMatchObject({
			SESSION_DAYS: 14,
			SESSION_MAX_DAYS: 30,
			LOGIN_LIMIT_ACCOUNT_IP: 5,
			LOGIN_LIMIT_ACCOUNT: 20,
			LOGIN_LIMIT_IP: 50,
			RESET_LIMIT_IP: 50,
			XFF_DEPTH: 1
		});
		expect(env.ADDRESS_HEADER).toBeUndefined();
	});

	it('takes a proxy address header and a depth only when they make sense', () => {
		expect(parseEnv({ ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '2' })).toMatchObject({
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: 2
		});
		expect(parseEnv({ ADDRESS_HEADER: 'X-Real-IP' }).ADDRESS_HEADER).toBe('X-Real-IP');
		expect(() => parseEnv({ ADDRESS_HEADER: 'X-Forwarded-For: 1.2.3.4' })).toThrow(/ADDRESS_HEADER/);
		expect(() => parseEnv({ XFF_DEPTH: '2' })).toThrow(/XFF_DEPTH/);
		expect(() => parseEnv({ ADDRESS_HEADER: 'X-Real-IP', XFF_DEPTH: '3' })).toThrow(/XFF_DEPTH/);
		expect(() => parseEnv({ XFF_DEPTH: '0' })).toThrow(/XFF_DEPTH/);
	});

	it('requires a secret key with PostgreSQL and checks its form (decision 038)', () => {
		const key = Buffer.alloc(32, 7).toString('base64');
		expect(() => parseEnv({ DATABASE_URL: 'postgres://x@localhost/y' })).toThrow(/SECRET_KEY: krävs med DATABASE_URL/);
		expect(parseEnv({ DATABASE_URL: 'postgres://x@localhost/y', SECRET_KEY: key }).SECRET_KEY).toBe(key);
		expect(parseEnv({}).SECRET_KEY).toBeUndefined();
		expect(() => parseEnv({ SECRET_KEY: 'short' })).toThrow(/SECRET_KEY/);
		expect(parseEnv({ SECRET_KEYS_OLD: `${key},${key}` }).SECRET_KEYS_OLD).toBe(`${key},${key}`);
		expect(() => parseEnv({ SECRET_KEYS_OLD: `${key};x` })).toThrow(/SECRET_KEYS_OLD/);
	});
});

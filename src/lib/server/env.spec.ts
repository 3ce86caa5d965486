import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
	it('keeps four PostgreSQL connections per process unless told otherwise', () => {
		expect(parseEnv({}).DATABASE_POOL_SIZE).toBe(4);
		expect(parseEnv({ DATABASE_POOL_SIZE: '10' }).DATABASE_POOL_SIZE).toBe(10);
	});

	it('names every bad value in one message', () => {
		expect(() => parseEnv({ DATABASE_POOL_SIZE: '0', PORT: 'http' })).toThrow(/DATABASE_POOL_SIZE[\s\S]*PORT|PORT[\s\S]*DATABASE_POOL_SIZE/);
		expect(() => parseEnv({ DATABASE_POOL_SIZE: 'many' })).toThrow(/DATABASE_POOL_SIZE/);
	});

	it('treats an empty value as unset', () => {
		expect(parseEnv({ DATABASE_POOL_SIZE: '' }).DATABASE_POOL_SIZE).toBe(4);
	});
});

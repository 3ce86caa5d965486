// Covers: runAction, failFromError.
import { describe, expect, it } from 'vitest';
import { isActionFailure, isHttpError, isRedirect, redirect } from '@sveltejs/kit';
import { AppError } from '../errors';
import { runAction } from './errors';

const caught = async (p: Promise<unknown>) => {
	try {
		await p;
	} catch (e) {
		return e;
	}
	throw new Error('expected a throw');
};

describe('runAction', () => {
	it('returns what the work returns', async () => {
		expect(await runAction(async () => ({ recoveryCodes: ['a'] }))).toEqual({ recoveryCodes: ['a'] });
	});

	it('lets a redirect pass through', async () => {
		const e = await caught(
			runAction(async () => {
				redirect(303, '/klart');
			})
		);
		expect(isRedirect(e) && e.location).toBe('/klart');
	});

	it('turns an invalid input into a 400 that keeps the values, with the page data and renamed fields', async () => {
		const r = await runAction(
			async () => {
				throw new AppError('INVALID', 'bad', [{ field: 'name', message: 'm_name' }]);
			},
			{ values: { name: 'Å' }, data: { action: 'rename' }, renameField: (f) => `team-${f}` }
		);
		expect(isActionFailure(r)).toBe(true);
		expect(r).toMatchObject({
			status: 400,
			data: { values: { name: 'Å' }, issues: [{ field: 'team-name', message: 'm_name' }], action: 'rename' }
		});
	});

	it('puts an error without field issues beside the given field, with its own status', async () => {
		const r = await runAction(
			async () => {
				throw new AppError('CONFLICT', 'taken');
			},
			{ field: 'save' }
		);
		expect(isActionFailure(r)).toBe(true);
		expect(r).toMatchObject({ status: 409, data: { issues: [{ field: 'save', message: 'taken' }] } });
	});

	it('makes NOT_FOUND and FORBIDDEN error pages, and rethrows anything else', async () => {
		const notFound = await caught(runAction(async () => Promise.reject(new AppError('NOT_FOUND', 'x'))));
		expect(isHttpError(notFound) && notFound.status).toBe(404);
		const forbidden = await caught(runAction(async () => Promise.reject(new AppError('FORBIDDEN', 'x'))));
		expect(isHttpError(forbidden) && forbidden.status).toBe(403);
		const boom = new Error('boom');
		expect(await caught(runAction(async () => Promise.reject(boom)))).toBe(boom);
	});

	it("answers with the page's own recovery when it has one, and the usual failure otherwise", async () => {
		const recover = (e: unknown) => (e instanceof AppError && e.code === 'NOT_FOUND' ? { gone: true } : undefined);
		expect(await runAction(async () => Promise.reject(new AppError('NOT_FOUND', 'x')), { recover })).toEqual({ gone: true });
		const r = await runAction(async () => Promise.reject(new AppError('INVALID', 'x')), { recover });
		expect(isActionFailure(r)).toBe(true);
		expect(r).toMatchObject({ status: 400 });
	});
});

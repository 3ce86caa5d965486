// Covers: chainHandles.
import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { Handle, ResolveOptions } from '@sveltejs/kit/hooks';
import { chainHandles } from './chain-handles';

const event = { url: new URL('http://x/') } as unknown as RequestEvent;

describe('chainHandles', () => {
	it('runs the hooks in order, one inside the other, and answers with the innermost resolve', async () => {
		const order: string[] = [];
		const hook =
			(name: string): Handle =>
			async ({ event, resolve }) => {
				order.push(`${name} in`);
				const response = await resolve(event);
				order.push(`${name} out`);
				response.headers.append('x-hooks', name);
				return response;
			};
		const handle = chainHandles(hook('a'), hook('b'), hook('c'));
		const response = await handle({
			event,
			resolve: async () => {
				order.push('page');
				return new Response('ok');
			}
		});
		expect(order).toEqual(['a in', 'b in', 'c in', 'page', 'c out', 'b out', 'a out']);
		expect(response.headers.get('x-hooks')).toBe('c, b, a');
	});

	it('lets a hook answer without the ones after it', async () => {
		let reached = false;
		const stop: Handle = () => new Response('stopped', { status: 503 });
		const after: Handle = ({ event, resolve }) => {
			reached = true;
			return resolve(event);
		};
		const response = await chainHandles(stop, after)({ event, resolve: async () => new Response('page') });
		expect(response.status).toBe(503);
		expect(reached).toBe(false);
	});

	it('combines resolve options as sequence does: the inner page transform first, the outer hook wins the rest', async () => {
		const outerFilter = () => true;
		const outer: Handle = ({ event, resolve }) =>
			resolve(event, { transformPageChunk: ({ html }) => `${html}+outer`, filterSerializedResponseHeaders: outerFilter });
		const middle: Handle = ({ event, resolve }) => resolve(event);
		const inner: Handle = ({ event, resolve }) =>
			resolve(event, { transformPageChunk: async ({ html }) => `${html}+inner`, filterSerializedResponseHeaders: () => false });
		let given: ResolveOptions | undefined;
		await chainHandles(
			outer,
			middle,
			inner
		)({
			event,
			resolve: async (_e, options) => {
				given = options;
				return new Response('');
			}
		});
		expect(await given!.transformPageChunk!({ html: 'page', done: true })).toBe('page+inner+outer');
		expect(given!.filterSerializedResponseHeaders).toBe(outerFilter);
	});

	it('passes on the event a hook resolves with', async () => {
		const other = { url: new URL('http://y/') } as unknown as RequestEvent;
		let seen: RequestEvent | undefined;
		const swap: Handle = ({ resolve }) => resolve(other);
		const look: Handle = ({ event, resolve }) => {
			seen = event;
			return resolve(event);
		};
		await chainHandles(swap, look)({ event, resolve: async () => new Response('') });
		expect(seen).toBe(other);
	});
});

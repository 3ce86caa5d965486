import type { Handle, ResolveOptions } from '@sveltejs/kit/hooks';

type PageChunk = NonNullable<ResolveOptions['transformPageChunk']>;

/**
 * Our request hooks run one inside the other, as SvelteKit's `sequence` runs them, without what `sequence` adds
 * to every request for each hook: a telemetry span, a fresh request store and an async transform of every page
 * chunk even when no hook gave one (decision 037). Options given to `resolve` combine the way `sequence` combines
 * them: the inner hook's `transformPageChunk` first, then the outer one's; for the other options the outer hook wins.
 * None of our hooks replaces the event, so `getRequestEvent` sees the same one.
 */
export function chainHandles(...handles: Handle[]): Handle {
	return ({ event, resolve }) => {
		const step = (i: number, e: typeof event, outer: ResolveOptions | undefined): ReturnType<Handle> =>
			handles[i]({
				event: e,
				resolve: (next, options) => {
					const merged = mergeOptions(outer, options);
					return i < handles.length - 1 ? Promise.resolve(step(i + 1, next, merged)) : resolve(next, merged);
				}
			});
		return step(0, event, undefined);
	};
}

function mergeOptions(outer: ResolveOptions | undefined, inner: ResolveOptions | undefined): ResolveOptions | undefined {
	if (!outer) return inner;
	if (!inner) return outer;
	const first = inner.transformPageChunk;
	const then = outer.transformPageChunk;
	const transformPageChunk: PageChunk | undefined =
		first && then ? async ({ html, done }) => (await then({ html: (await first({ html, done })) ?? '', done })) ?? '' : (first ?? then);
	return {
		transformPageChunk,
		filterSerializedResponseHeaders: outer.filterSerializedResponseHeaders ?? inner.filterSerializedResponseHeaders,
		preload: outer.preload ?? inner.preload
	};
}

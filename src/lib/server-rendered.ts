/**
 * Load data that a page without JavaScript (`csr = false`) renders on the server and never sends. SvelteKit
 * still serializes every page's load data for a browser app that such a page never starts (devalue walked all
 * of the queue page's rows and filter choices: 7 % of its server CPU, decision 030). Wrapped in this, the
 * `transport` hook (src/hooks.ts) writes an empty placeholder instead. Only for pages with `csr = false`.
 */
export class ServerRendered<T> {
	constructor(readonly value: T) {}
}

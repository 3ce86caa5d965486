/**
 * Load data of a page without JavaScript (`csr = false`) that only its server-rendered HTML needs. SvelteKit
 * serializes every page's load data into the HTML for a browser app that such a page never starts (devalue walking
 * the queue's rows and choices was 3.6–7 % of the queue page's server CPU, decisions 030 and 037). Wrapped in this,
 * the `transport` hook (src/hooks.ts) writes an empty placeholder instead.
 *
 * A data request (a link from a page that runs JavaScript navigates in the browser and asks for the data as JSON)
 * gets the plain value: `renderedOnServer` wraps only for the HTML, and the page reads either with `unwrapRendered`.
 */
export class ServerRendered<T> {
	constructor(readonly value: T) {}
}

/** The value wrapped for the page's HTML, or plain for a data request (`event.isDataRequest`). */
export const renderedOnServer = <T>(isDataRequest: boolean, value: T): T | ServerRendered<T> =>
	isDataRequest ? value : new ServerRendered(value);

/** The value, wrapped or not. */
export const unwrapRendered = <T>(value: T | ServerRendered<T>): T => (value instanceof ServerRendered ? value.value : value);

import { createHash } from 'node:crypto';
import pg from 'pg';
import { PLAN_EACH_TIME } from './plan-each-time';

export { PLAN_EACH_TIME };

/** At most this many distinct statements are prepared (per connection, so the server's memory stays bounded). */
export const MAX_PREPARED = 200;
/** Statements with more parameters than this (long IN lists, bulk inserts) vary too much to be worth keeping. */
const MAX_PARAMS = 64;
const READ = /^\s*(select|with)\b/i;

/**
 * The name a parameterized read is prepared under, or undefined to run it unnamed. The same
 * text always gets the same name; once `MAX_PREPARED` texts are known, new ones run unnamed.
 * A statement marked `PLAN_EACH_TIME` is never named.
 */
export function statementName(names: Map<string, string>, text: string, paramCount: number): string | undefined {
	const known = names.get(text);
	if (known) return known;
	if (paramCount === 0 || paramCount > MAX_PARAMS || names.size >= MAX_PREPARED || !READ.test(text) || text.includes(PLAN_EACH_TIME))
		return undefined;
	const name = `rt_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
	names.set(text, name);
	return name;
}

type QueryConfig = { text: string; name?: string; [key: string]: unknown };

/**
 * A pg pool that prepares the reads it sees repeatedly: each connection parses such a statement
 * once and PostgreSQL can keep its plan, instead of parsing and planning it on every request
 * (what postgres.js does by default). Transactions and writes run as before. Decision 013.
 */
export class PreparingPool extends pg.Pool {
	readonly #names = new Map<string, string>();

	// pg's overloads are many; this one only adds a name to an object-shaped query with values.
	query(config: unknown, values?: unknown, cb?: unknown): never {
		const c = config as QueryConfig;
		if (c && typeof c === 'object' && typeof c.text === 'string' && !c.name && Array.isArray(values)) {
			const name = statementName(this.#names, c.text, values.length);
			if (name) config = { ...c, name };
		}
		return (super.query as (...a: unknown[]) => never)(config, values, cb);
	}
}

/**
 * How the server logs an error it did not expect: one line with the error's class, code and message,
 * never the SQL parameters, a database error's `detail` or a value the database quotes back. A
 * `DrizzleQueryError`'s own message holds the whole query and its parameters (session token hashes,
 * e-mail addresses, names), so it is replaced by its cause's. The same line repeated is printed once a
 * minute with a count of the ones left out (decision 017).
 */

type ErrorLike = { name?: unknown; message?: unknown; code?: unknown; cause?: unknown; errors?: unknown; stack?: unknown };

const asObject = (e: unknown): ErrorLike | null => (e && typeof e === 'object' ? (e as ErrorLike) : null);

/** A Drizzle query error: it carries the query and its parameters, and the database's error as its cause. */
export function isQueryWrapper(e: unknown): boolean {
	const o = asObject(e);
	return (
		!!o &&
		(o.name === 'DrizzleQueryError' ||
			(o.constructor as { name?: string } | undefined)?.name === 'DrizzleQueryError' ||
			('query' in o && 'params' in o && 'cause' in o))
	);
}

/** The error's class name (`DatabaseError`, `AggregateError`, `TypeError` …). */
function className(o: ErrorLike): string {
	// pg's DatabaseError is named 'error'; Drizzle's and our own errors set a name of their own.
	if (typeof o.name === 'string' && o.name && o.name !== 'Error' && o.name !== 'error') return o.name;
	const ctor = (o.constructor as { name?: string } | undefined)?.name;
	return ctor && ctor !== 'Object' ? ctor : 'Error';
}

/**
 * A message safe to log: the first line only (a query or a stack may follow), at most 200 characters,
 * and a value the database quotes back at the end (`invalid input syntax for type uuid: "…"`) left out,
 * since it is whatever someone typed. Names of constraints and columns stay: they say what went wrong.
 */
export function safeMessage(message: string): string {
	const first = message.split('\n')[0].replace(/^Failed query:.*$/, '(query)');
	const redacted = first.replace(/(:\s*)"[^"]*"\s*$/, '$1"…"').replace(/(:\s*)'[^']*'\s*$/, "$1'…'");
	return redacted.length > 200 ? `${redacted.slice(0, 200)}…` : redacted;
}

/** `Class [code]: message`, following a Drizzle wrapper to the database's error and noting the wrapper. */
export function describeError(error: unknown): string {
	const o = asObject(error);
	if (!o) return `Thrown value: ${safeMessage(String(error))}`;
	if (isQueryWrapper(o)) {
		const cause = asObject(o.cause);
		return cause ? `${className(o)} → ${describeError(cause)}` : `${className(o)}: (query failed; parameters not logged)`;
	}
	const code = typeof o.code === 'string' || typeof o.code === 'number' ? ` [${o.code}]` : '';
	let message = typeof o.message === 'string' ? safeMessage(o.message) : '';
	// Node's connect() to several addresses gives an AggregateError without a message of its own.
	if (!message && Array.isArray(o.errors) && o.errors.length > 0) message = describeError(o.errors[0]);
	return `${className(o)}${code}: ${message || '(no message)'}`;
}

/** Where the code was: the stack's frames without its first line (which repeats the message). */
export function stackFrames(error: unknown): string {
	const o = asObject(error);
	if (!o || typeof o.stack !== 'string') return '';
	return o.stack
		.split('\n')
		.filter((l) => /^\s+at /.test(l))
		.slice(0, 12)
		.join('\n');
}

const WINDOW_MS = 60_000;
const seen = new Map<string, { printedAt: number; suppressed: number }>();

/**
 * Decides whether a line with this key is printed now: the first in a minute is, the rest are counted.
 * Returns null to stay quiet, or how many were left out since the last printed one.
 */
export function rateLimit(key: string, now = Date.now()): number | null {
	const entry = seen.get(key);
	if (entry && now - entry.printedAt < WINDOW_MS) {
		entry.suppressed++;
		return null;
	}
	if (seen.size > 500) seen.clear(); // many different errors: forget old keys rather than grow
	const left = entry?.suppressed ?? 0;
	seen.set(key, { printedAt: now, suppressed: 0 });
	return left;
}

/** Forgets what was printed (tests). */
export function resetLogRateLimit(): void {
	seen.clear();
}

export type LogServerErrorOptions = {
	/** What was going on: `request GET /x`, `jobs`, `database pool`. */
	context: string;
	/** Groups lines: errors of one kind share a key, so a burst of them prints one line a minute. */
	key?: string;
	/** Adds the stack frames (for errors in our code, not for a database that is away). */
	stack?: boolean;
	/** Where the line goes (console.error). */
	write?: (line: string) => void;
	now?: number;
};

/** Logs an unexpected error as one rate-limited line (plus stack frames when asked). Returns the line, or null when held back. */
export function logServerError(error: unknown, opts: LogServerErrorOptions): string | null {
	const description = describeError(error);
	const left = rateLimit(opts.key ?? `${opts.context}|${description}`, opts.now);
	if (left === null) return null;
	const more = left > 0 ? ` (+${left} likadana / more like this since the last line)` : '';
	const frames = opts.stack ? stackFrames(error) : '';
	const line = `${opts.context}: ${description}${more}${frames ? `\n${frames}` : ''}`;
	(opts.write ?? console.error)(line);
	return line;
}

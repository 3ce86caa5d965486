/**
 * Wall time in an IANA time zone without a date library: offsets come from Intl.DateTimeFormat and are
 * cached per UTC day, so converting thousands of instants costs a few Intl calls per distinct day.
 */
import { MS_PER_DAY } from './days';

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per zone: UTC day number → offset (ms) valid for the whole day, or NaN when the offset changes that day. */
const offsetByUtcDay = new Map<string, Map<number, number>>();
/** Per zone: local day * 1440 + minute of day → instant (ms). */
const instantByWallMinute = new Map<string, Map<number, number>>();
const CACHE_LIMIT = 100_000;

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

function cacheFor<V>(all: Map<string, Map<number, V>>, timeZone: string): Map<number, V> {
	let m = all.get(timeZone);
	if (!m || m.size > CACHE_LIMIT) {
		m = new Map();
		all.set(timeZone, m);
	}
	return m;
}

/** The zone's offset from UTC (ms, east positive) at an instant, straight from Intl. */
function exactOffset(timeZone: string, ms: number): number {
	const p: Record<string, number> = {};
	for (const part of formatter(timeZone).formatToParts(ms)) {
		if (part.type !== 'literal') p[part.type] = Number(part.value);
	}
	const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The zone's offset from UTC (ms) at an instant. Cached per UTC day when the offset is the same at both
 * ends of the day (assumes a zone never changes its offset twice within one UTC day and back again).
 */
export function offsetAt(timeZone: string, ms: number): number {
	const utcDay = Math.floor(ms / MS_PER_DAY);
	const cache = cacheFor(offsetByUtcDay, timeZone);
	let offset = cache.get(utcDay);
	if (offset === undefined) {
		const a = exactOffset(timeZone, utcDay * MS_PER_DAY);
		const b = exactOffset(timeZone, (utcDay + 1) * MS_PER_DAY);
		offset = a === b ? a : NaN;
		cache.set(utcDay, offset);
	}
	return Number.isNaN(offset) ? exactOffset(timeZone, ms) : offset;
}

/** The local day number and milliseconds since local midnight of an instant. */
export function toLocal(timeZone: string, ms: number): { day: number; msOfDay: number } {
	const wall = ms + offsetAt(timeZone, ms);
	const day = Math.floor(wall / MS_PER_DAY);
	return { day, msOfDay: wall - day * MS_PER_DAY };
}

/**
 * The instant of a local wall time (day number and minute of the day). Like Temporal's 'compatible'
 * disambiguation: a time repeated when clocks go back gives the earlier instant; a time skipped when
 * clocks go forward gives the instant that many minutes after the jump.
 */
export function fromLocal(timeZone: string, day: number, minuteOfDay: number): number {
	const key = day * 1440 + minuteOfDay;
	const cache = cacheFor(instantByWallMinute, timeZone);
	const cached = cache.get(key);
	if (cached !== undefined) return cached;
	const wall = day * MS_PER_DAY + minuteOfDay * 60_000;
	const before = offsetAt(timeZone, wall - MS_PER_DAY);
	const after = offsetAt(timeZone, wall + MS_PER_DAY);
	const valid = [before, after].map((offset) => wall - offset).filter((ms) => ms + offsetAt(timeZone, ms) === wall);
	const instant = valid.length > 0 ? Math.min(...valid) : wall - before;
	cache.set(key, instant);
	return instant;
}

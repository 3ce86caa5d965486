import { isIsoDate } from '$lib/calendar-date';

/** One row of a usage file: which tool, at which school unit (code or name), how many licences assigned and used. */
export type UsageRow = { line: number; tool: string; unit: string; assigned: number; used: number };

/**
 * One person's licence in a BOL-style statistics file: which tool, who (e-mail or eduPersonPrincipalName), whether
 * they used it, and the validity the vendor reports.
 */
export type UserUsageRow = { line: number; tool: string; user: string; used: boolean; validFrom: string | null; validTo: string | null };

/** A problem in a usage file: the message key, the line (or JSON entry) it is on, and the value concerned. */
export type UsageProblem = { key: string; line: number | null; value?: string };

/** The column names a usage file may use, in Swedish or English (BOL-style statistics use the English ones). */
const COLUMNS: Record<string, keyof Omit<UsageRow, 'line'> | 'total'> = {
	verktyg: 'tool',
	tool: 'tool',
	skolenhet: 'unit',
	skolenhetskod: 'unit',
	enhet: 'unit',
	total: 'total',
	schoolunitcode: 'unit',
	unit: 'unit',
	tilldelade: 'assigned',
	assigned: 'assigned',
	anvanda: 'used',
	använda: 'used',
	used: 'used'
};
const NEEDED = ['tool', 'unit', 'assigned', 'used'] as const;
/** At most this many rows in one file. */
export const MAX_USAGE_ROWS = 5000;

const key = (s: string) =>
	s
		.trim()
		.toLowerCase()
		.replace(/^\ufeff/, '');
const count = (v: unknown) => {
	const s = String(v ?? '')
		.trim()
		.replace(/\s/g, '');
	return /^\d{1,7}$/.test(s) ? Number(s) : null;
};

/** Splits one CSV line on the separator, honouring double quotes. */
function splitLine(line: string, sep: string): string[] {
	const out: string[] = [];
	let cur = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quoted && c === '"' && line[i + 1] === '"') {
			cur += '"';
			i++;
		} else if (c === '"') quoted = !quoted;
		else if (c === sep && !quoted) {
			out.push(cur);
			cur = '';
		} else cur += c;
	}
	out.push(cur);
	return out.map((s) => s.trim());
}

/**
 * Reads a usage file: CSV (semicolon or comma separated, a header row naming the columns — verktyg, skolenhet or
 * skolenhetskod, tilldelade, använda, or the English tool, schoolUnitCode, assigned, used) or JSON (a list of objects
 * with those keys; or a BOL-style object: `schoolUnits` per school unit — total, assigned, used — and `users` per person,
 * with the tool named once as `tool`). Every problem is reported with its line (or entry) number; no rows are returned
 * then, so a half-read file is never imported. Only the figures are checked here; the tools and units are looked up
 * by the import.
 */
export function parseUsageFile(text: string): { rows: UsageRow[]; users: UserUsageRow[]; problems: UsageProblem[] } {
	const problems: UsageProblem[] = [];
	const problem = (key: string, line: number | null, value?: string) => problems.push({ key, line, value });
	let records: { line: number; values: Record<string, unknown> }[];
	let users: UserUsageRow[] = [];
	const trimmed = text.trim();
	if (!trimmed) return { rows: [], users: [], problems: [{ key: 'apps_usage_error_empty', line: null }] };
	if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
		let data: unknown;
		try {
			data = JSON.parse(trimmed);
		} catch {
			return { rows: [], users: [], problems: [{ key: 'apps_usage_error_json', line: null }] };
		}
		const doc = (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as {
			schoolUnits?: unknown;
			users?: unknown;
			tool?: unknown;
		};
		const list = Array.isArray(data) ? data : (doc.schoolUnits ?? (Array.isArray(doc.users) ? [] : undefined));
		if (!Array.isArray(list)) return { rows: [], users: [], problems: [{ key: 'apps_usage_error_json', line: null }] };
		// A BOL-style file names its tool once, at the top; each entry may name its own.
		const toolOfFile = typeof doc.tool === 'string' ? { tool: doc.tool } : {};
		const entry = (v: unknown) => ({ ...toolOfFile, ...(v && typeof v === 'object' ? (v as Record<string, unknown>) : {}) });
		records = list.map((v, i) => ({ line: i + 1, values: entry(v) }));
		if (Array.isArray(doc.users)) users = readUsers(doc.users.map(entry), problem);
	} else {
		const lines = trimmed.split(/\r?\n/);
		const sep = (lines[0].match(/;/g)?.length ?? 0) >= (lines[0].match(/,/g)?.length ?? 0) ? ';' : ',';
		const header = splitLine(lines[0], sep);
		const unknown = header.filter((h) => !COLUMNS[key(h)]);
		if (unknown.length) return { rows: [], users: [], problems: [{ key: 'apps_usage_error_columns', line: 1, value: unknown.join(', ') }] };
		records = lines
			.slice(1)
			.map((l, i) => ({ line: i + 2, raw: l }))
			.filter((r) => r.raw.trim() !== '')
			.map((r) => {
				const cells = splitLine(r.raw, sep);
				return { line: r.line, values: Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])) };
			});
	}
	if (records.length > MAX_USAGE_ROWS) return { rows: [], users: [], problems: [{ key: 'apps_usage_error_too_many', line: null }] };
	const rows: UsageRow[] = [];
	for (const r of records) {
		const mapped: Partial<Record<(typeof NEEDED)[number], unknown>> = {};
		for (const [k, v] of Object.entries(r.values)) {
			const col = COLUMNS[key(k)];
			if (col && col !== 'total') mapped[col] = v;
		}
		const missing = NEEDED.filter((n) => String(mapped[n] ?? '').trim() === '');
		if (missing.length) {
			problem('apps_usage_error_missing', r.line, missing.join(', '));
			continue;
		}
		const assigned = count(mapped.assigned);
		const used = count(mapped.used);
		if (assigned === null || used === null) {
			problem('apps_usage_error_number', r.line);
			continue;
		}
		rows.push({ line: r.line, tool: String(mapped.tool).trim(), unit: String(mapped.unit).trim(), assigned, used });
	}
	if (rows.length === 0 && users.length === 0 && problems.length === 0) problem('apps_usage_error_empty', null);
	return problems.length ? { rows: [], users: [], problems } : { rows, users, problems };
}

/** Reads the `users` of a BOL-style file: per person the tool, who (`user`, `email` or `eppn`), `used`, `validFrom`, `validTo`. */
function readUsers(list: Record<string, unknown>[], problem: (key: string, line: number | null, value?: string) => void): UserUsageRow[] {
	if (list.length > MAX_USAGE_ROWS) {
		problem('apps_usage_error_too_many', null);
		return [];
	}
	const out: UserUsageRow[] = [];
	list.forEach((v, i) => {
		const line = i + 1;
		const tool = String(v.tool ?? '').trim();
		const user = String(v.user ?? v.email ?? v.eppn ?? '').trim();
		if (!tool || !user)
			return problem('apps_usage_error_user_missing', line, [!tool && 'tool', !user && 'user'].filter(Boolean).join(', '));
		const used =
			typeof v.used === 'boolean' ? v.used : typeof v.used === 'number' && Number.isInteger(v.used) && v.used >= 0 ? v.used > 0 : null;
		if (used === null) return problem('apps_usage_error_user_used', line, user);
		const day = (d: unknown) =>
			d === undefined || d === null || d === '' ? null : typeof d === 'string' && isIsoDate(d.slice(0, 10)) ? d.slice(0, 10) : false;
		const validFrom = day(v.validFrom);
		const validTo = day(v.validTo);
		if (validFrom === false || validTo === false) return problem('apps_usage_error_user_day', line, user);
		if (validFrom && validTo && validTo < validFrom) return problem('apps_usage_error_user_day', line, user);
		out.push({ line, tool, user, used, validFrom, validTo });
	});
	return out;
}

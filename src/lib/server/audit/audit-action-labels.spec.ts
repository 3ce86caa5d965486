// Covers: the audit_action_* labels in the message files against every recordAudit call in src/lib/server.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every action written to the audit log must read as words in the log browser, in Swedish and
 * English: key `audit_action_<action with . and - as _>` in messages/audit/{sv,en}.json. This scans
 * the source of src/lib/server for recordAudit calls, so a new action cannot slip through.
 */
const ROOT = 'src/lib/server';

/**
 * Calls whose action is passed in a variable: the file and every action it can pass. A new call
 * like that fails the test until it is listed here.
 */
const INDIRECT: Record<string, string[]> = {
	'src/lib/server/org/archive-unit.ts': ['unit.archive', 'unit.restore'],
	'src/lib/server/planning/reminders/calendar-feeds.ts': ['calendar_feed.create', 'calendar_feed.renew', 'calendar_feed.remove'],
	'src/lib/server/crypto/reseal-stored-secrets.ts': ['two_factor.reseal', 'school_sync.reseal', 'sso.reseal', 'webhook.reseal'],
	'src/lib/server/imports/store-import-batch.ts': [
		'import.upload',
		'comparison.import_upload',
		'app_tool.package_upload',
		'app_tool.import_upload',
		'device.import_upload'
	]
};

/** What an action looks like (domain.verb); other strings in the expression, such as a compared status, are not actions. */
const ACTION = /^[a-z][a-z_-]*(\.[a-z][a-z_-]*)+$/;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return sourceFiles(path);
		return /\.ts$/.test(e.name) && !/\.spec\.ts$/.test(e.name) ? [path] : [];
	});
}

/** The text of each `recordAudit(` call's arguments, up to its closing parenthesis. */
function calls(text: string): string[] {
	const out: string[] = [];
	for (const match of text.matchAll(/\brecordAudit\(/g)) {
		let depth = 1;
		let i = match.index! + match[0].length;
		const start = i;
		while (i < text.length && depth > 0) {
			if (text[i] === '(') depth++;
			else if (text[i] === ')') depth--;
			i++;
		}
		out.push(text.slice(start, i - 1));
	}
	return out;
}

/** The action strings used in recordAudit calls, per file; `indirect` for calls whose action is not written out. */
function usedActions() {
	const actions = new Map<string, string[]>();
	const indirect: string[] = [];
	for (const file of sourceFiles(ROOT)) {
		const text = readFileSync(file, 'utf8');
		const path = relative(process.cwd(), file).replaceAll('\\', '/');
		if (/export async function recordAudit/.test(text)) continue;
		for (const args of calls(text)) {
			const expr = /\baction\s*(?::\s*([^\n]*?))?\s*(?:,|\n|\})/.exec(args);
			if (!expr) continue;
			const literals = [...(expr[1] ?? '').matchAll(/'([^']+)'|"([^"]+)"|`([^`$]+)`/g)]
				.map((m) => m[1] ?? m[2] ?? m[3])
				.filter((s) => ACTION.test(s));
			if (!literals.length) {
				if (INDIRECT[path]) literals.push(...INDIRECT[path]);
				else indirect.push(path);
			}
			for (const a of literals) actions.set(a, [...(actions.get(a) ?? []), path]);
		}
	}
	return { actions, indirect };
}

/** Every message of a language: most labels are in messages/audit, a feature's own may sit in its own folder. */
const labels = (lang: string) =>
	Object.assign(
		{},
		...readdirSync('messages', { withFileTypes: true })
			.filter((e) => e.isDirectory())
			.map((e) => JSON.parse(readFileSync(`messages/${e.name}/${lang}.json`, 'utf8')) as Record<string, string>)
	) as Record<string, string>;
const keyOf = (action: string) => `audit_action_${action.replace(/[.-]/g, '_')}`;

describe('audit log labels', () => {
	const { actions, indirect } = usedActions();

	it('finds the actions of the recordAudit calls, including both sides of a choice', () => {
		expect(actions.has('conclusion.create')).toBe(true);
		expect(actions.has('consensus.create') && actions.has('consensus.update')).toBe(true);
		expect(actions.has('unit.archive')).toBe(true);
	});

	it('knows every action that is passed in a variable', () => {
		expect(indirect, 'recordAudit calls whose action is a variable: list the file and its actions in INDIRECT').toEqual([]);
	});

	for (const lang of ['sv', 'en']) {
		it(`has a ${lang} label for every action written to the audit log`, () => {
			const have = labels(lang);
			const missing = [...actions]
				.filter(([action]) => !have[keyOf(action)]?.trim())
				.map(([action, files]) => `${keyOf(action)}  (${action}, in ${[...new Set(files)].join(', ')})`)
				.sort();
			expect(missing, `add these keys to messages/audit/${lang}.json (or the feature's own message folder)`).toEqual([]);
		});
	}
});

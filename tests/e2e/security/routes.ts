import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Action } from '../../../src/lib/server/policies';

/** How a route is protected: open to all, to anyone signed in, or by a policy action on the organizer. */
export type Rule = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'instance' } | { kind: 'organizer'; action: Action };

/**
 * Every route must match one of these rules; a new route that matches none fails the
 * authorization test until someone decides who may use it. First match wins.
 */
export const RULES: [RegExp, Rule][] = [
	[/^\/(installera|logga-in|logga-ut|sprak|glomt-losenord|tillganglighet|aterstall-losenord\/\[token\])?$/, { kind: 'public' }],
	[/^\/\(public\)\/(\[org\]\/)?tillganglighet$/, { kind: 'public' }],
	[/^\/konto$/, { kind: 'signed-in' }],
	[/^\/system$/, { kind: 'instance' }],
	[/^\/\(app\)\/\[org\]\/admin\/utkorg(\/.*)?$/, { kind: 'organizer', action: 'outbox.view' }],
	[/^\/\(app\)\/\[org\]\/admin\/logg(\/.*)?$/, { kind: 'organizer', action: 'audit.view' }],
	[/^\/\(app\)\/\[org\]\/admin\/tillganglighet$/, { kind: 'organizer', action: 'statement.edit' }],
	[/^\/\(app\)\/\[org\]\/admin(\/.*)?$/, { kind: 'organizer', action: 'organizer.administer' }],
	[/^\/\(app\)\/\[org\]\/skattning\/\[roundId\]\/rapport(\/.*)?$/, { kind: 'organizer', action: 'assessment.organizer_report' }],
	[/^\/\(app\)\/\[org\]$/, { kind: 'organizer', action: 'organizer.view' }]
];

export type RouteInfo = { id: string; actions: string[]; hasPage: boolean };

/** Every route under src/routes, with the named form actions its +page.server.ts exports. */
export function listRoutes(root = 'src/routes'): RouteInfo[] {
	const out: RouteInfo[] = [];
	const walk = (dir: string) => {
		const files = readdirSync(dir);
		const isRoute = files.some((f) => /^\+(page\.svelte|page\.server\.ts|server\.ts)$/.test(f));
		if (isRoute) {
			const id = '/' + path.relative(root, dir).split(path.sep).join('/');
			const server = files.includes('+page.server.ts') ? readFileSync(path.join(dir, '+page.server.ts'), 'utf8') : '';
			const block = server.match(/export const actions[^=]*=\s*\{([\s\S]*)\};?\s*$/)?.[1] ?? '';
			const actions = [...block.matchAll(/^\t(\w+):\s*async/gm)].map((m) => m[1]);
			out.push({ id: id === '/' ? '/' : id.replace(/\/$/, ''), actions, hasPage: files.includes('+page.svelte') || files.includes('+page.server.ts') });
		}
		for (const f of files) if (statSync(path.join(dir, f)).isDirectory()) walk(path.join(dir, f));
	};
	walk(root);
	return out;
}

export const ruleFor = (id: string) => RULES.find(([re]) => re.test(id))?.[1];

/** The URL of a route with its parameters filled in, groups removed. */
export function urlFor(id: string, params: Record<string, string>): string | null {
	let missing = false;
	const url = id
		.replace(/\/\([^)]+\)/g, '')
		.replace(/\[(\w+)\]/g, (_, k: string) => {
			if (!(k in params)) missing = true;
			return params[k] ?? '';
		});
	return missing ? null : url || '/';
}

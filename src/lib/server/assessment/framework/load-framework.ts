import { readFile } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../errors';
import { frameworkSchema, type Framework } from './framework-schema';

/**
 * Reads, parses and validates one framework file. The file must live at
 * `<framework-key>/<version>.yaml` and say the same key and version inside.
 * Throws `AppError('INVALID')` naming the file and every problem found.
 */
export async function loadFramework(path: string): Promise<Framework> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (e) {
		throw new AppError('INVALID', `${path}: cannot read framework file (${(e as Error).message})`);
	}
	try {
		const framework = parseFramework(text);
		const [key, version] = [basename(dirname(path)), basename(path, extname(path))];
		if (framework.key !== key || framework.version !== version) {
			throw invalid([
				{
					field: 'key',
					message: `says ${framework.key}/${framework.version} but the file is ${key}/${version}.yaml`
				}
			]);
		}
		return framework;
	} catch (e) {
		if (e instanceof AppError) throw new AppError(e.code, `${path}: ${e.message}`, e.issues);
		throw e;
	}
}

/**
 * Parses and validates the YAML text of a framework. Besides the shape it checks that item
 * keys and sub-goal ids are unique, and that `replaces` does not name a key that still
 * exists in the same version. Throws `AppError('INVALID')` whose message names each place.
 */
export function parseFramework(text: string): Framework {
	let raw: unknown;
	try {
		raw = parse(text);
	} catch (e) {
		const where = e instanceof YAMLParseError && e.linePos ? ` at line ${e.linePos[0].line}` : '';
		throw invalid([{ field: 'yaml', message: `not valid YAML${where}: ${(e as Error).message}` }]);
	}
	const result = frameworkSchema.safeParse(raw);
	if (!result.success) throw invalid(result.error.issues.map((issue) => describeIssue(raw, issue)));
	const problems = findReferenceProblems(result.data);
	if (problems.length > 0) throw invalid(problems);
	return result.data;
}

function invalid(issues: FieldIssue[]): AppError {
	const lines = issues.map((i) => `${i.field}: ${i.message}`);
	return new AppError('INVALID', `invalid framework: ${lines.join('; ')}`, issues);
}

/** Uniqueness and `replaces` rules that a per-field schema cannot see. */
function findReferenceProblems(framework: Framework): FieldIssue[] {
	const problems: FieldIssue[] = [];
	const areaIds = new Set<string>();
	const subGoalIds = new Set<string>();
	const itemPlace = new Map<string, string>();
	const replacing: { place: string; target: string }[] = [];
	for (const area of framework.areas) {
		if (areaIds.has(area.id)) problems.push({ field: `area ${area.id}`, message: 'duplicate area id' });
		areaIds.add(area.id);
		for (const subGoal of area.sub_goals) {
			const subPlace = `area ${area.id} › sub-goal ${subGoal.id}`;
			if (subGoalIds.has(subGoal.id)) problems.push({ field: subPlace, message: `duplicate sub-goal id "${subGoal.id}"` });
			subGoalIds.add(subGoal.id);
			for (const item of subGoal.items) {
				const place = `${subPlace} › item ${item.key}`;
				const first = itemPlace.get(item.key);
				if (first) problems.push({ field: place, message: `duplicate item key "${item.key}" (first used in ${first})` });
				else itemPlace.set(item.key, subPlace);
				if (item.replaces) replacing.push({ place, target: item.replaces });
				for (const who of Object.keys(item.statement_for ?? {}))
					if (!(item.perspectives as string[]).includes(who))
						problems.push({ field: `${place} › statement_for.${who}`, message: `"${who}" does not answer this item` });
			}
		}
	}
	for (const { place, target } of replacing) {
		if (itemPlace.has(target)) {
			problems.push({
				field: place,
				message: `replaces "${target}", but that key still exists in this version; a replaced key must be removed`
			});
		}
	}
	return problems;
}

/** Turns a zod path such as areas.1.sub_goals.0.items.3.levels.2 into "sub-goal 1.1 › item ns.1-1.x › levels.2". */
function describeIssue(raw: unknown, issue: z.core.$ZodIssue): FieldIssue {
	const names: string[] = [];
	let rest: string[] = [];
	let node: unknown = raw;
	for (const segment of issue.path) {
		node = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[segment] : undefined;
		const label = typeof segment === 'number' ? labelOf(node) : undefined;
		if (label) {
			names.push(label);
			rest = [];
		} else rest.push(String(segment));
	}
	const field = [...names, rest.join('.')].filter(Boolean).join(' › ') || 'framework';
	const missing = issue.path.length > 0 && node === undefined;
	return { field, message: missing ? 'is missing' : issue.message };
}

/** Names an array element by what it is: an item by its key, a sub-goal or area by its id. */
function labelOf(node: unknown): string | undefined {
	if (!isRecord(node)) return undefined;
	if (typeof node.key === 'string' && 'statement' in node) return `item ${node.key}`;
	if (typeof node.id === 'string' && 'items' in node) return `sub-goal ${node.id}`;
	if (typeof node.id === 'string' && 'sub_goals' in node) return `area ${node.id}`;
	return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

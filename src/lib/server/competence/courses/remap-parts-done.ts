import type { CoursePart } from '../../db/schema/courses';

/** What makes a part the same part after the course was changed: its kind and what it points at, not its place. */
const partKey = (p: CoursePart) => `${p.kind}:${p.kind === 'article' ? p.articleId : p.kind === 'film' ? p.url : p.text}`;

/**
 * A person's done parts after a course's parts were changed (decision 066): each done part follows its part to its new
 * place; a part that was removed is no longer counted; a part that was added is not done. Two equal parts are matched
 * in order. The indexes come back sorted.
 */
export function remapPartsDone(before: CoursePart[], after: CoursePart[], done: number[]): number[] {
	const free = new Map<string, number[]>();
	after.forEach((p, i) => free.set(partKey(p), [...(free.get(partKey(p)) ?? []), i]));
	const out: number[] = [];
	for (const i of [...done].sort((a, b) => a - b)) {
		const part = before[i];
		if (!part) continue;
		const next = free.get(partKey(part))?.shift();
		if (next !== undefined) out.push(next);
	}
	return out.sort((a, b) => a - b);
}

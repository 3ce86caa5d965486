// Covers: RESERVED_SLUGS (every fixed first path segment of the site is reserved, so no organizer is shadowed by a route).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESERVED_SLUGS } from './insert-organizer';

/** The route folders that make a fixed first path segment: plain folders at the top and inside (group) folders. */
function firstSegments(dir = 'src/routes'): string[] {
	const out: string[] = [];
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		if (!e.isDirectory() || e.name.startsWith('[')) continue;
		if (e.name.startsWith('(')) out.push(...firstSegments(`${dir}/${e.name}`));
		else out.push(e.name);
	}
	return out;
}

describe('reserved organizer slugs', () => {
	it('include every fixed first segment of the routes', () => {
		const missing = firstSegments().filter((s) => !RESERVED_SLUGS.has(s));
		expect(missing, 'add these to RESERVED_SLUGS in insert-organizer.ts').toEqual([]);
	});
});

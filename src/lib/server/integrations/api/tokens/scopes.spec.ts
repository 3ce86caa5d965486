import { describe, expect, it } from 'vitest';
import { grants, levelsOf, scopesFor } from './scopes';

describe('API scopes', () => {
	it('turns a level per area into stored scopes, write bringing read along', () => {
		expect(scopesFor({ cases: 'write', units: 'read', people: 'none' })).toEqual(['units:read', 'cases:read', 'cases:write']);
	});

	it('grants read with write, but never write with read or another area', () => {
		expect(grants(['cases:write'], 'cases:read')).toBe(true);
		expect(grants(['cases:read'], 'cases:write')).toBe(false);
		expect(grants(['units:write'], 'cases:read')).toBe(false);
	});

	it('reads the level per area back from stored scopes', () => {
		expect(levelsOf(['people:read', 'planning:read', 'planning:write'])).toMatchObject({
			people: 'read',
			planning: 'write',
			cases: 'none'
		});
	});
});

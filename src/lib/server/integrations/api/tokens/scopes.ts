/** The areas of the API a token may be given access to (decision 052). */
export const API_AREAS = ['units', 'people', 'cases', 'assessment', 'planning'] as const;
export type ApiArea = (typeof API_AREAS)[number];

/** How much of an area a token may use: nothing, read, or read and write. */
export const API_LEVELS = ['none', 'read', 'write'] as const;
export type ApiLevel = (typeof API_LEVELS)[number];

/** A scope as stored: `<area>:read` or `<area>:write`. Write implies read. */
export type ApiScope = `${ApiArea}:${'read' | 'write'}`;

/** The scopes a choice of level per area grants. */
export function scopesFor(levels: Partial<Record<ApiArea, ApiLevel>>): ApiScope[] {
	return API_AREAS.flatMap((area): ApiScope[] => {
		const level = levels[area] ?? 'none';
		if (level === 'write') return [`${area}:read`, `${area}:write`];
		if (level === 'read') return [`${area}:read`];
		return [];
	});
}

/** Whether the granted scopes allow `needed` (write implies read). */
export function grants(scopes: readonly string[], needed: ApiScope): boolean {
	if (scopes.includes(needed)) return true;
	const [area, level] = needed.split(':');
	return level === 'read' && scopes.includes(`${area}:write`);
}

/** The level per area that stored scopes amount to (for lists). */
export function levelsOf(scopes: readonly string[]): Record<ApiArea, ApiLevel> {
	return Object.fromEntries(
		API_AREAS.map((area) => [area, grants(scopes, `${area}:write`) ? 'write' : grants(scopes, `${area}:read`) ? 'read' : 'none'])
	) as Record<ApiArea, ApiLevel>;
}

import { isUuid } from '../ids';

/** Where a page of people ends: the last row's sort key and id. */
export type PersonCursor = { nameSort: string; id: string };

/** Encodes a keyset position for a URL. */
export function encodeCursor(c: PersonCursor): string {
	return Buffer.from(JSON.stringify([c.nameSort, c.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor from a URL; anything malformed gives null (start from the beginning). */
export function decodeCursor(value: string | null | undefined): PersonCursor | null {
	if (!value || value.length > 1000) return null;
	try {
		const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
		if (!Array.isArray(parsed) || parsed.length !== 2) return null;
		const [nameSort, id] = parsed;
		if (typeof nameSort !== 'string' || !isUuid(id)) return null;
		return { nameSort, id };
	} catch {
		return null;
	}
}

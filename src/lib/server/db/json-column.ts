/** A json column as its value: node-postgres parses json itself, PGlite may hand over the text. */
export const jsonColumn = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** Largest file an import accepts, in bytes (2 MB). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** Most data rows (not counting the header) one import accepts. */
export const MAX_IMPORT_ROWS = 5000;

/** The two things that can be imported. */
export const IMPORT_KINDS = ['units', 'people'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const isImportKind = (v: unknown): v is ImportKind => (IMPORT_KINDS as readonly unknown[]).includes(v);

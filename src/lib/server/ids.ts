/** The one pattern of an id (a UUID, any version). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed id: anything else (a tampered URL or form) must not reach a uuid column, where PostgreSQL would throw. */
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID_PATTERN.test(v);

/**
 * Put this comment in a statement whose best plan depends on its values (full-text search: a rare word
 * wants the index, a common one the date order). A prepared statement may settle on one generic plan
 * after five runs; one with this mark is planned for its values every time.
 */
export const PLAN_EACH_TIME = '/* plan each time */';

import { t } from '$lib/i18n';

/** A course kind's name: kort kurs, livesändning … */
export const kindLabel = (kind: string): string => t(`courses_kind_${kind}`);

/** The catalog's kinds, in the order the form offers them. */
export const COURSE_KIND_KEYS = ['short', 'live', 'recorded', 'external'] as const;

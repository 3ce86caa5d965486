import { normalizeName } from '../../imports/columns';

/** The units of measure a comparison value may have; each has a label `cmp_measure_<key>`. */
export const MEASURES = ['percent', 'per_100_students', 'sek', 'sek_per_student', 'count', 'ratio', 'days'] as const;
export type Measure = (typeof MEASURES)[number];

/** How files write each unit of measure (Kolada's own words among them), compared in lower case. */
const SPELLINGS: Record<Measure, string[]> = {
	percent: ['procent', '%', 'andel', 'andel (%)', 'andel i procent', 'percent', 'per cent'],
	per_100_students: ['per 100 elever', 'antal per 100 elever', 'per 100 students'],
	sek: ['kronor', 'kr', 'sek'],
	sek_per_student: ['kronor per elev', 'kr per elev', 'kr/elev', 'kronor/elev', 'sek per student'],
	count: ['antal', 'st', 'stycken', 'count', 'number'],
	ratio: ['kvot', 'ratio'],
	days: ['dagar', 'dag', 'days']
};

const lookup = new Map<string, Measure>(MEASURES.flatMap((m) => [[m, m] as const, ...SPELLINGS[m].map((s) => [s, m] as const)]));

export const isMeasure = (v: unknown): v is Measure => (MEASURES as readonly unknown[]).includes(v);

/** A unit of measure from its key or a usual spelling ("Procent", "kr/elev"); null if unknown. */
export function parseMeasure(value: string): Measure | null {
	return lookup.get(normalizeName(value)) ?? null;
}

import { AREAS, type Area } from './questions';
import type { EntryInput } from './cycle-input';

const NAME = /^e-(cohesive|pedagogical|technical)-(\d{1,3})-(what|how|dueOn|responsibleId|followUp|effect)$/;

/** The Agera form's fields (`e-<area>-<n>-<field>`) as entries per row, in the form's order, holes kept. */
export function entriesFromForm(values: Record<string, string>): Partial<Record<Area, EntryInput[]>> {
	const rows: Partial<Record<Area, EntryInput[]>> = {};
	for (const [key, value] of Object.entries(values)) {
		const m = NAME.exec(key);
		if (!m) continue;
		const list = (rows[m[1] as Area] ??= []);
		const i = Number(m[2]);
		list[i] = { ...list[i], [m[3]]: value };
	}
	for (const area of AREAS) if (rows[area]) rows[area] = Array.from(rows[area]!, (e) => e ?? {});
	return rows;
}

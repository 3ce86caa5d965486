import { PERSON_COLUMNS, PERSON_TEMPLATE_ROWS } from './person-columns';
import { UNIT_COLUMNS, UNIT_TEMPLATE_ROWS } from './unit-columns';
import type { ImportKind } from './limits';

const quote = (cell: string) => (/[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * A template file as Swedish Excel writes CSV: UTF-8 with a byte-order mark (so Excel reads å, ä, ö),
 * semicolons between fields and CRLF line ends. The header row plus made-up example rows.
 */
export function buildTemplate(kind: ImportKind): string {
	const [columns, rows] = kind === 'units' ? [UNIT_COLUMNS, UNIT_TEMPLATE_ROWS] : [PERSON_COLUMNS, PERSON_TEMPLATE_ROWS];
	const lines = [columns.map((c) => c.header), ...rows].map((cells) => cells.map(quote).join(';'));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The file name a downloaded template gets. */
export const templateFileName = (kind: ImportKind) => (kind === 'units' ? 'rodtrad-mall-enheter.csv' : 'rodtrad-mall-personer.csv');

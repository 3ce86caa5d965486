import { m } from '$lib/paraglide/messages';

export type ExportLocale = 'sv' | 'en';
type Msg = (inputs?: Record<string, never>, options?: { locale: ExportLocale }) => string;

/** How a column's values are written: text, whole numbers, or decimals (1–2 places). */
export type ColumnKind = 'text' | 'integer' | 'decimal';
/** One column of an export sheet: its message key suffix, its kind and its width in characters. */
export type ExportColumn = { key: string; kind: ColumnKind; width: number };

/** Everything an export writes in words, in the reader's language. */
export type ExportLabels = {
	locale: ExportLocale;
	/** Sheet (XLSX) or section (CSV) name. */
	sheet: (sheet: string) => string;
	column: (key: string) => string;
	status: (status: 'shown' | 'suppressed' | 'no_answers') => string;
	perspective: (perspective: string) => string;
	/** "vet ej" / "ej aktuellt" for an agreed special value. */
	special: (special: string) => string;
	hidden: string;
	allUnits: string;
	allPerspectives: string;
};

const msg = (key: string, locale: ExportLocale, fallback: string) => {
	const fn = (m as unknown as Record<string, Msg | undefined>)[key];
	return fn ? fn({}, { locale }) : fallback;
};

/** Export labels in Swedish (default) or English; codes become words, unknown codes stay as they are. */
export function exportLabels(locale: string): ExportLabels {
	const l: ExportLocale = locale === 'en' ? 'en' : 'sv';
	return {
		locale: l,
		sheet: (s) => msg(`exports_sheet_${s}`, l, s),
		column: (k) => msg(`exports_col_${k}`, l, k),
		status: (s) => msg(`exports_status_${s}`, l, s),
		perspective: (p) => msg(`reports_perspective_${p}`, l, p),
		special: (s) => msg(`consensus_value_${s}`, l, s),
		hidden: msg('exports_hidden', l, 'hidden'),
		allUnits: msg('exports_all_units', l, 'ALL'),
		allPerspectives: msg('exports_all_perspectives', l, 'ALL')
	};
}

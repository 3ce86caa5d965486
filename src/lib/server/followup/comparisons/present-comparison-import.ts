import { MAX_IMPORT_BYTES } from '../../imports/limits';
import { COMPARISON_COLUMNS } from './comparison-columns';
import { MEASURES } from './comparison-measures';
import type { ComparisonPlan } from './plan-comparison-rows';

const heading = (header: string) => header.charAt(0).toLocaleUpperCase('sv') + header.slice(1);

/** The preview rows with only what the page shows (no ids, nothing to write). */
export function presentComparisonImport(plan: ComparisonPlan) {
	return {
		counts: plan.counts,
		rows: plan.rows.map((r) => ({
			line: r.line,
			outcome: r.outcome,
			code: r.code,
			title: r.title,
			area: r.areaLabel,
			period: r.period,
			value: r.value,
			measure: r.measure,
			changed: r.changed,
			issues: r.issues
		}))
	};
}

/** What the import page documents: the columns, their other names, the units of measure and the size limit. */
export function presentComparisonImportGuide() {
	return {
		columns: COMPARISON_COLUMNS.map((c) => ({ key: c.key, heading: heading(c.header), aliases: c.aliases, required: c.required })),
		measures: [...MEASURES],
		maxMegabytes: MAX_IMPORT_BYTES / (1024 * 1024)
	};
}

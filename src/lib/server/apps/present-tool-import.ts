import { MAX_IMPORT_BYTES } from '../imports/limits';
import type { ToolsPlan } from './plan-tool-rows';
import { columnHeading, TOOL_COLUMNS } from './tool-columns';

/** The preview rows with only what the page shows (no ids, no inputs). */
export function presentToolImport(plan: ToolsPlan) {
	return {
		counts: plan.counts,
		rows: plan.rows.map((r) => ({
			line: r.line,
			outcome: r.outcome,
			name: r.name,
			vendor: r.vendor,
			kind: r.kind,
			changed: r.changed,
			issues: r.issues
		}))
	};
}

/** What the import page documents: the columns with the other names they may have, and the size limit. */
export function presentToolImportGuide() {
	return {
		columns: TOOL_COLUMNS.map((c) => ({ heading: columnHeading(c.header), aliases: c.aliases, required: c.required })),
		maxMegabytes: MAX_IMPORT_BYTES / (1024 * 1024)
	};
}

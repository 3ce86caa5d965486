import { MAX_IMPORT_BYTES } from '../imports/limits';
import { DEVICE_COLUMNS } from './device-columns';
import type { DevicesPlan } from './plan-device-rows';

const heading = (header: string) => header.charAt(0).toLocaleUpperCase('sv') + header.slice(1);

/** The preview rows with only what the page shows (no ids, no values). */
export function presentDeviceImport(plan: DevicesPlan) {
	return {
		counts: plan.counts,
		rows: plan.rows.map((r) => ({
			line: r.line,
			outcome: r.outcome,
			assetTag: r.assetTag,
			serialNumber: r.serialNumber,
			modelName: r.modelName,
			unitName: r.unitName,
			changed: r.changed,
			issues: r.issues
		}))
	};
}

/** What the import page documents: the columns with the other names they may have, and the size limit. */
export function presentDeviceImportGuide() {
	return {
		columns: DEVICE_COLUMNS.map((c) => ({ heading: heading(c.header), aliases: c.aliases, required: c.required })),
		maxMegabytes: MAX_IMPORT_BYTES / (1024 * 1024)
	};
}

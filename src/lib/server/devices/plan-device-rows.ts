import { normalizeName } from '../imports/columns';
import { asSchoolUnitCode, parseIsoDate } from '../imports/cell-values';
import type { ImportRow } from '../imports/read-import-file';
import { addIssue, countOutcomes, type PlanCounts, type PlanRowBase, type RowIssue } from '../imports/plan-types';
import type { DeviceColumn } from './device-columns';

/** A registered device as the planner compares it. */
export type ExistingDevice = {
	id: string;
	assetTag: string;
	serialNumber: string | null;
	modelId: string;
	unitId: string;
	purchaseDate: string | null;
};
export type KnownModel = { id: string; maker: string; model: string };
export type KnownUnit = { id: string; name: string; schoolUnitCode: string | null };

/** What a row writes: the device's fields as they will be. */
export type DeviceImportValues = {
	assetTag: string;
	serialNumber: string | null;
	modelId: string;
	unitId: string;
	purchaseDate: string | null;
};

/** One row of a device file: what it says, which device it changes and what it writes. */
export type DevicePlanRow = PlanRowBase & {
	assetTag: string;
	serialNumber: string;
	modelName: string;
	unitName: string;
	deviceId: string | null;
	values: DeviceImportValues | null;
};

export type DevicesPlan = { rows: DevicePlanRow[]; counts: PlanCounts };

const TAG_MAX = 64;
const SERIAL_MAX = 100;
const modelKey = (maker: string, model: string) => `${normalizeName(maker)}\u0000${normalizeName(model)}`;

/**
 * Decides, row by row, what importing a device file would do, without writing. A row matches a device on its serial
 * number, else on its asset tag; a row whose serial and tag name two different devices is refused. The model is
 * found by maker and model name (an unknown model is an error on that line: models carry the prices and the life the
 * fee and cost figures need, so they are added on the models page first). The unit by skolenhetskod, else by name
 * (archived units are not offered; a name two units share is ambiguous). A blank purchase date keeps the device's.
 * A serial or tag repeated in the file is an error on the later line, naming the first. `mayManage(unitId)` says
 * whether the importer manages devices at a unit: a row moving a device from or to a unit they do not manage is refused.
 */
export function planDeviceRows(
	rows: ImportRow<DeviceColumn>[],
	col: Record<DeviceColumn, string>,
	ctx: { devices: ExistingDevice[]; models: KnownModel[]; units: KnownUnit[]; mayManage: (unitId: string) => boolean }
): DevicesPlan {
	const byTag = new Map(ctx.devices.map((d) => [normalizeName(d.assetTag), d]));
	const bySerial = new Map(ctx.devices.filter((d) => d.serialNumber).map((d) => [normalizeName(d.serialNumber!), d]));
	const models = new Map(ctx.models.map((m) => [modelKey(m.maker, m.model), m]));
	const unitByCode = new Map(ctx.units.filter((u) => u.schoolUnitCode).map((u) => [u.schoolUnitCode!, u]));
	const unitsByName = new Map<string, KnownUnit[]>();
	for (const u of ctx.units) unitsByName.set(normalizeName(u.name), [...(unitsByName.get(normalizeName(u.name)) ?? []), u]);
	const tagLine = new Map<string, number>();
	const serialLine = new Map<string, number>();

	const planned = rows.map((r): DevicePlanRow => {
		const c = r.cells;
		const issues: RowIssue[] = [];
		if (r.extra) issues.push({ column: null, message: 'imports_error_extra_cells' });
		const tagKey = normalizeName(c.assetTag);
		const serialKey = normalizeName(c.serialNumber);
		if (!c.assetTag) addIssue(issues, { column: col.assetTag, message: 'imports_error_required' });
		else if (c.assetTag.length > TAG_MAX) addIssue(issues, { column: col.assetTag, message: 'devices_error_too_long' });
		else if (tagLine.has(tagKey))
			addIssue(issues, { column: col.assetTag, message: 'devices_import_error_duplicate_tag', params: { line: tagLine.get(tagKey)! } });
		else tagLine.set(tagKey, r.line);
		if (c.serialNumber.length > SERIAL_MAX) addIssue(issues, { column: col.serialNumber, message: 'devices_error_too_long' });
		else if (c.serialNumber && serialLine.has(serialKey))
			addIssue(issues, {
				column: col.serialNumber,
				message: 'devices_import_error_duplicate_serial',
				params: { line: serialLine.get(serialKey)! }
			});
		else if (c.serialNumber) serialLine.set(serialKey, r.line);

		const viaSerial = c.serialNumber ? bySerial.get(serialKey) : undefined;
		const viaTag = c.assetTag ? byTag.get(tagKey) : undefined;
		if (viaSerial && viaTag && viaSerial.id !== viaTag.id)
			addIssue(issues, { column: col.assetTag, message: 'devices_import_error_tag_elsewhere', params: { value: c.assetTag } });
		const current = viaSerial ?? viaTag ?? null;
		// Matched on the tag but the file gives another serial than the device has: another device's serial is taken.
		if (current && !viaSerial && c.serialNumber && current.serialNumber && normalizeName(current.serialNumber) !== serialKey)
			addIssue(issues, {
				column: col.serialNumber,
				message: 'devices_import_error_serial_differs',
				params: { value: current.serialNumber }
			});

		const model = c.maker && c.model ? models.get(modelKey(c.maker, c.model)) : undefined;
		if (!c.maker) addIssue(issues, { column: col.maker, message: 'imports_error_required' });
		else if (!c.model) addIssue(issues, { column: col.model, message: 'imports_error_required' });
		else if (!model)
			addIssue(issues, { column: col.model, message: 'devices_import_error_model', params: { value: `${c.maker} ${c.model}` } });

		let unit: KnownUnit | undefined;
		if (!c.unit) addIssue(issues, { column: col.unit, message: 'imports_error_required' });
		else {
			const code = asSchoolUnitCode(c.unit);
			const named = unitsByName.get(normalizeName(c.unit)) ?? [];
			unit = code ? unitByCode.get(code) : named.length === 1 ? named[0] : undefined;
			if (!unit && named.length > 1) addIssue(issues, { column: col.unit, message: 'imports_error_unit_ambiguous' });
			else if (!unit) addIssue(issues, { column: col.unit, message: 'devices_import_error_unit', params: { value: c.unit } });
			else if (!ctx.mayManage(unit.id) || (current && !ctx.mayManage(current.unitId)))
				addIssue(issues, { column: col.unit, message: 'devices_import_error_unit_forbidden', params: { value: unit.name } });
		}

		let purchaseDate = current?.purchaseDate ?? null;
		if (c.purchaseDate) {
			const day = parseIsoDate(c.purchaseDate);
			if (day) purchaseDate = day;
			else addIssue(issues, { column: col.purchaseDate, message: 'imports_error_date', params: { value: c.purchaseDate } });
		}

		const values: DeviceImportValues | null =
			model && unit && !issues.length
				? {
						assetTag: c.assetTag,
						serialNumber: c.serialNumber || current?.serialNumber || null,
						modelId: model.id,
						unitId: unit.id,
						purchaseDate
					}
				: null;
		const row: DevicePlanRow = {
			line: r.line,
			outcome: 'create',
			issues,
			changed: [],
			assetTag: c.assetTag,
			serialNumber: c.serialNumber,
			modelName: [c.maker, c.model].filter(Boolean).join(' '),
			unitName: unit?.name ?? c.unit,
			deviceId: current?.id ?? null,
			values
		};
		if (issues.length || !values) row.outcome = 'error';
		else if (current) {
			const fields: [DeviceColumn, unknown, unknown][] = [
				['assetTag', values.assetTag, current.assetTag],
				['serialNumber', values.serialNumber, current.serialNumber],
				['model', values.modelId, current.modelId],
				['unit', values.unitId, current.unitId],
				['purchaseDate', values.purchaseDate, current.purchaseDate]
			];
			row.changed = fields.filter(([, now, before]) => now !== before).map(([f]) => col[f]);
			row.outcome = row.changed.length ? 'update' : 'unchanged';
		}
		return row;
	});
	return { rows: planned, counts: countOutcomes(planned) };
}

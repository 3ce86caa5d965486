import type { Db } from '../db';
import { invalid } from '../errors';
import type { Actor } from '../policies';
import { findDevices, type DeviceFilter } from './find-devices';
import { labelSheet, labelsPerPage } from './label-sheets';
import { renderLabelSheet } from './render-label-sheet';

/** At most this many labels in one PDF (about 42 A4 sheets of 24); the register's filters narrow the choice. */
export const MAX_LABELS = 1000;

/** A typed "skip" count: whole labels, 0 when empty; null when it is not a number the sheet can skip. */
export function parseLabelSkip(value: string, perPage: number): number | null {
	const v = value.trim();
	if (v === '') return 0;
	if (!/^\d{1,3}$/.test(v)) return null;
	const n = Number(v);
	return n < perPage || perPage === 1 ? n : null;
}

/**
 * A PDF of labels for the devices the register's filter finds (devices.view, at the units the reader sees; at most
 * MAX_LABELS, in tag order) on the chosen label stock, leaving `skip` labels of a half-used first sheet empty.
 * INVALID beside `sheet` for an unknown stock, beside `skip` for a count the sheet does not have.
 */
export async function printDeviceLabels(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; organizerName: string; filter: DeviceFilter; sheetKey: string; skip: string }
) {
	const sheet = labelSheet(opts.sheetKey);
	if (!sheet) throw invalid('sheet', 'devices_labels_error_sheet');
	const skip = parseLabelSkip(opts.skip, labelsPerPage(sheet));
	if (skip === null) throw invalid('skip', 'devices_labels_error_skip');
	const found = await findDevices(db, { ...opts, limit: MAX_LABELS, withHolders: false });
	const labels = found.devices.map((d) => ({ assetTag: d.assetTag, model: `${d.maker} ${d.model}` }));
	const bytes = await renderLabelSheet({ sheet, labels, skip, title: `${opts.organizerName} – etiketter` });
	return { bytes, count: labels.length, total: found.total };
}

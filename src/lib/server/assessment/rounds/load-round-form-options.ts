import type { Db } from '../../db';
import { authorize, type Actor } from '../../policies';
import { isAppError } from '../../errors';
import { getFramework } from '../framework/get-framework';
import { listFrameworks } from '../framework/list-frameworks';
import { loadUnitAccess } from './unit-access';

export type FrameworkOption = { value: string; title: { sv: string; en: string }; version: string };
export type UnitOption = { id: string; name: string; depth: number };

/**
 * What the round form offers: every shipped framework version ("key@version", newest
 * version of each framework first) and the organizer's active units in tree order.
 * Units in `keep` are offered even when archived since, so an edit does not drop them silently.
 */
export async function loadRoundFormOptions(
	db: Db,
	{ actor, organizerId, keep = [] }: { actor: Actor | null; organizerId: string; keep?: string[] }
): Promise<{ frameworks: FrameworkOption[]; units: UnitOption[] }> {
	authorize(actor, 'assessment.manage', { type: 'organizer', organizerId });
	const files = (await listFrameworks()).reverse();
	const frameworks: FrameworkOption[] = [];
	for (const f of files) {
		// A file with errors is left out (and logged) rather than breaking the form; creating a round on it is refused too.
		const fw = await getFramework(f.key, f.version).catch((e: unknown) => {
			if (!isAppError(e) || e.code !== 'INVALID') throw e;
			console.error(e.message);
			return null;
		});
		if (!fw) continue;
		frameworks.push({ value: `${f.key}@${f.version}`, title: fw.title, version: f.version });
	}
	frameworks.sort((a, b) => a.title.sv.localeCompare(b.title.sv, 'sv'));
	const access = await loadUnitAccess(db, organizerId);
	const units = access.tree.filter((u) => !u.archivedAt || keep.includes(u.id)).map((u) => ({ id: u.id, name: u.name, depth: u.depth }));
	return { frameworks, units };
}

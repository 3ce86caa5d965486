import { AppError } from '../../errors';
import type { Framework } from './framework-schema';
import { listItems, type PlacedItem } from './list-items';

/** How the items of two versions of one framework relate. */
export type ItemMatch = {
	/** Same key in both versions: answers can be compared directly. */
	matched: { key: string; old: PlacedItem; new: PlacedItem }[];
	/** The new item took over the meaning of an old item with another key (`replaces`). */
	replaced: { old: PlacedItem; new: PlacedItem }[];
	/** New items with no counterpart in the old version. */
	added: PlacedItem[];
	/** Old items neither kept nor replaced. */
	removed: PlacedItem[];
};

/**
 * Matches the items of two versions of the same framework, for comparing assessment rounds
 * made on different versions. Items match by key; an item whose `replaces` names an old key
 * is reported as replaced, not as added, and the old item is then not reported as removed.
 */
export function matchItems(oldVersion: Framework, newVersion: Framework): ItemMatch {
	if (oldVersion.key !== newVersion.key) {
		throw new AppError('INVALID', `cannot compare framework ${oldVersion.key} with ${newVersion.key}`);
	}
	const oldByKey = new Map(listItems(oldVersion).map((item) => [item.key, item]));
	const result: ItemMatch = { matched: [], replaced: [], added: [], removed: [] };
	const used = new Set<string>();
	for (const item of listItems(newVersion)) {
		const same = oldByKey.get(item.key);
		const predecessor = item.replaces ? oldByKey.get(item.replaces) : undefined;
		if (same) {
			result.matched.push({ key: item.key, old: same, new: item });
			used.add(item.key);
		} else if (predecessor) {
			result.replaced.push({ old: predecessor, new: item });
			used.add(predecessor.key);
		} else result.added.push(item);
	}
	result.removed = [...oldByKey.values()].filter((item) => !used.has(item.key));
	return result;
}

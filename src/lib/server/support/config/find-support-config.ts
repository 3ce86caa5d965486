import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { supportCategories, supportTeams } from '../../db/schema';
import { getSupportSettings } from '../settings';
import { authorizeConfigure, type ConfigOptions } from './config-common';
import { readTogether } from '../../db/read-together';

/**
 * What the support settings overview shows: the settings, the organizer's own teams and its
 * categories (archived ones included, marked), in Swedish name order.
 */
export async function findSupportConfig(db: Db, { actor, organizerId }: ConfigOptions) {
	authorizeConfigure(actor, organizerId);
	const [settings, teams, categories] = await readTogether(db, [
		() => getSupportSettings(db, organizerId),
		() =>
			db
				.select({
					id: supportTeams.id,
					name: supportTeams.name,
					chain: supportTeams.chain,
					line: supportTeams.line,
					supplierName: supportTeams.supplierName,
					archivedAt: supportTeams.archivedAt
				})
				.from(supportTeams)
				.where(eq(supportTeams.organizerId, organizerId))
				.orderBy(asc(supportTeams.chain), asc(supportTeams.line), asc(supportTeams.nameSort), asc(supportTeams.id)),
		() =>
			db
				.select({
					id: supportCategories.id,
					name: supportCategories.name,
					chain: supportCategories.chain,
					deviceRelated: supportCategories.deviceRelated,
					archivedAt: supportCategories.archivedAt
				})
				.from(supportCategories)
				.where(eq(supportCategories.organizerId, organizerId))
				.orderBy(asc(supportCategories.chain), asc(supportCategories.nameSort), asc(supportCategories.id))
	]);
	return { settings, teams, categories };
}

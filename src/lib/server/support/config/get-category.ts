import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { supportCategories } from '../../db/schema';
import { AppError } from '../../errors';
import { authorizeConfigure, type ConfigOptions } from './config-common';
import { isUuid } from '../../ids';

export type CategoryOptions = ConfigOptions & { categoryId: string };

/** One of the organizer's categories; NOT_FOUND for another organizer's. */
export async function getCategory(db: Db, { actor, organizerId, categoryId }: CategoryOptions) {
	authorizeConfigure(actor, organizerId);
	if (!isUuid(categoryId)) throw new AppError('NOT_FOUND', 'Okänd kategori');
	const [row] = await db
		.select()
		.from(supportCategories)
		.where(and(eq(supportCategories.id, categoryId), eq(supportCategories.organizerId, organizerId)));
	if (!row) throw new AppError('NOT_FOUND', 'Okänd kategori');
	return row;
}

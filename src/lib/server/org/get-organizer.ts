import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { organizers } from '../db/schema';
import { AppError } from '../errors';

/** One organizer by its URL slug; NOT_FOUND otherwise. */
export async function getOrganizerBySlug(db: Db, slug: string) {
	const [row] = await db.select().from(organizers).where(eq(organizers.slug, slug));
	if (!row) throw new AppError('NOT_FOUND', 'organizer');
	return row;
}

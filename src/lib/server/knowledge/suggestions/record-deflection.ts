import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { kbArticles, kbDeflections, people, supportCategories, tickets } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, parseOrThrow } from '../../errors';
import { authorize, readableAudiences, type Actor } from '../../policies';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const optionalId = z
	.string()
	.optional()
	.transform((v) => v || undefined);
/** Long text is cut rather than refused: the person is done, and the text is only kept for improving articles. */
const cut = (max: number) =>
	z
		.string()
		.default('')
		.transform((v) => v.trim().slice(0, max));

/** What "Det här löste det" sends: the article (or earlier case) that answered, and what had been typed. */
export const recordDeflectionSchema = z
	.object({
		articleId: optionalId,
		ticketId: optionalId,
		title: cut(200),
		description: cut(10000),
		categoryId: optionalId
	})
	.refine((v) => !!v.articleId !== !!v.ticketId, { message: 'suggest_error_what_solved', path: ['title'] });
export type RecordDeflectionInput = z.input<typeof recordDeflectionSchema>;

/**
 * Records that an article (or an earlier solved case) answered what someone was about to file, so nothing is
 * filed: one kb_deflections row with what they had typed, audited in the same transaction. The article must be
 * one the actor may read at the organizer, the case one that is offered as self-help there; anything else is
 * NOT_FOUND. A category of another organizer is dropped, not stored.
 */
export async function recordDeflection(db: Db, opts: { actor: Actor | null; organizerId: string; input: RecordDeflectionInput }) {
	const { organizerId } = opts;
	authorize(opts.actor, 'kb.read', { type: 'knowledge', organizerId });
	const actor = opts.actor;
	const input = parseOrThrow(recordDeflectionSchema, opts.input, 'Ogiltig markering');
	// An id that is no id names nothing there is: not found, like an unknown one.
	if ([input.articleId, input.ticketId].some((v) => v !== undefined && !UUID.test(v))) throw new AppError('NOT_FOUND', 'Okänt id');
	const categoryId = input.categoryId && UUID.test(input.categoryId) ? input.categoryId : undefined;
	if (input.articleId) {
		const [article] = await db
			.select({ id: kbArticles.id })
			.from(kbArticles)
			.where(
				and(
					eq(kbArticles.id, input.articleId),
					eq(kbArticles.organizerId, organizerId),
					eq(kbArticles.status, 'published'),
					isNull(kbArticles.archivedAt),
					inArray(kbArticles.audience, readableAudiences(actor, organizerId))
				)
			);
		if (!article) throw new AppError('NOT_FOUND', 'Okänd artikel');
	}
	if (input.ticketId) {
		const [offered] = await db
			.select({ id: tickets.id })
			.from(tickets)
			.innerJoin(people, eq(people.id, tickets.requesterId))
			.where(
				and(
					eq(tickets.id, input.ticketId),
					eq(tickets.organizerId, organizerId),
					eq(tickets.selfHelpSuggested, true),
					inArray(tickets.state, ['solved', 'closed']),
					isNull(tickets.mergedIntoId),
					eq(tickets.requesterId, tickets.filedById),
					eq(people.protectedIdentity, false)
				)
			);
		if (!offered) throw new AppError('NOT_FOUND', 'Okänt ärende');
	}
	const [category] = categoryId
		? await db
				.select({ id: supportCategories.id })
				.from(supportCategories)
				.where(and(eq(supportCategories.id, categoryId), eq(supportCategories.organizerId, organizerId)))
		: [];
	const query = [input.title, input.description].filter(Boolean).join('\n\n');
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(kbDeflections)
			.values({
				organizerId,
				personId: actor.personId,
				articleId: input.articleId ?? null,
				ticketId: input.ticketId ?? null,
				query,
				categoryId: category?.id ?? null
			})
			.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'kb.deflection',
			entityType: input.articleId ? 'kb_article' : 'ticket',
			entityId: input.articleId ?? input.ticketId,
			changes: { deflectionId: row.id, categoryId: row.categoryId }
		});
		return row;
	});
}

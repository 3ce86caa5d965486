import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { boardReportReaders, people, roleAssignments } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';
import { recordAudit } from '../../audit/record-audit';
import { boardResource } from './resource';
import { shownNamesById } from '../../support/privacy/shown-names';

/** The people who get the term's copy by e-mail (followup.configure), in name order. */
export async function findBoardReaders(db: Db, opts: { actor: Actor; organizerId: string }) {
	authorize(opts.actor, 'followup.configure', boardResource(opts.organizerId));
	const rows = await db
		.select({ personId: people.id, email: people.email })
		.from(boardReportReaders)
		.innerJoin(people, eq(people.id, boardReportReaders.personId))
		.where(eq(boardReportReaders.organizerId, opts.organizerId))
		.orderBy(asc(people.nameSort));
	// A protected identity is shown by its pseudonym, as everywhere (decision 014's shown names).
	const names = await shownNamesById(db, { ...opts, personIds: rows.map((r) => r.personId), via: 'board_report' });
	return rows.map((r) => ({ ...r, name: names.get(r.personId) ?? '' }));
}

/**
 * Names a person of the organizer (someone with a role there) as a reader of the term's copy, by e-mail address
 * (followup.configure). Someone else's address is refused beside the field; naming a reader twice changes nothing.
 */
export async function addBoardReader(db: Db, opts: { actor: Actor; organizerId: string; email: string }): Promise<void> {
	const { actor, organizerId } = opts;
	authorize(actor, 'followup.configure', boardResource(organizerId));
	const email = opts.email.trim().toLowerCase();
	const [person] = email
		? await db
				.selectDistinct({ id: people.id })
				.from(people)
				.innerJoin(roleAssignments, eq(roleAssignments.personId, people.id))
				.where(and(eq(people.email, email), eq(roleAssignments.organizerId, organizerId)))
		: [];
	if (!person) throw new AppError('INVALID', 'unknown person', [{ field: 'email', message: 'board_error_reader_unknown' }]);
	await db.transaction(async (tx) => {
		const added = await tx
			.insert(boardReportReaders)
			.values({ organizerId, personId: person.id })
			.onConflictDoNothing()
			.returning({ personId: boardReportReaders.personId });
		if (added.length)
			await recordAudit(tx, {
				organizerId,
				actorId: actor.personId,
				action: 'board_report.reader_add',
				entityType: 'person',
				entityId: person.id
			});
	});
}

/** Takes a person off the readers of the term's copy (followup.configure). */
export async function removeBoardReader(db: Db, opts: { actor: Actor; organizerId: string; personId: string }): Promise<void> {
	const { actor, organizerId } = opts;
	authorize(actor, 'followup.configure', boardResource(organizerId));
	if (!isUuid(opts.personId)) throw new AppError('NOT_FOUND', 'reader');
	await db.transaction(async (tx) => {
		const gone = await tx
			.delete(boardReportReaders)
			.where(and(eq(boardReportReaders.organizerId, organizerId), inArray(boardReportReaders.personId, [opts.personId])))
			.returning({ personId: boardReportReaders.personId });
		if (!gone.length) throw new AppError('NOT_FOUND', 'reader');
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'board_report.reader_remove',
			entityType: 'person',
			entityId: opts.personId
		});
	});
}

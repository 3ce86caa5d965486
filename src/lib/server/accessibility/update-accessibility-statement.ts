import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { accessibilityStatements } from '../db/schema';
import { diffFields, recordAudit } from '../audit/record-audit';
import { fieldIssues } from '../audit/audit-filter';
import { todayInStockholm } from '../auth/load-actor';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policies';
import { isIsoDate } from '../../calendar-date';

/** How well the service meets the requirements: fully, partially, or not. */
export const COMPLIANCE_STATUSES = ['full', 'partial', 'none'] as const;

export const STATEMENT_FIELDS = [
	'complianceStatus',
	'nonCompliantContent',
	'disproportionateBurden',
	'feedbackContact',
	'testMethod',
	'preparedOn',
	'reviewedOn'
] as const;

const text = (max: number) => z.string().trim().max(max, 'error_too_long');

/** Validation for the statement form, given today's date in Stockholm; messages are message keys. */
export function statementSchema(today: string) {
	const day = z
		.string()
		.trim()
		.refine((v) => v === '' || isIsoDate(v), 'audit_error_date')
		.refine((v) => v <= today, 'audit_error_date_future');
	return z
		.object({
			complianceStatus: z.enum(COMPLIANCE_STATUSES, { message: 'audit_error_compliance' }),
			nonCompliantContent: text(10_000),
			disproportionateBurden: text(10_000),
			feedbackContact: z.string().trim().min(3, 'audit_error_contact_required').max(2_000, 'error_too_long'),
			testMethod: text(5_000),
			preparedOn: day.refine((v) => v !== '', 'audit_error_prepared_required'),
			reviewedOn: day.transform((v) => v || null)
		})
		.superRefine((s, ctx) => {
			if (s.reviewedOn && s.reviewedOn < s.preparedOn) {
				ctx.addIssue({ code: 'custom', path: ['reviewedOn'], message: 'audit_error_reviewed_before_prepared' });
			}
		});
}

export type UpdateStatementOptions = {
	actor: Actor | null;
	organizerId: string;
	/** Raw form fields; validated here. */
	input: Partial<Record<(typeof STATEMENT_FIELDS)[number], string>>;
	/** Today in Stockholm (YYYY-MM-DD); for tests. */
	today?: string;
};

/**
 * Saves an organizer's accessibility statement and audits the changed fields as
 * `statement.update`. Bad input throws INVALID with field issues and changes nothing;
 * saving without changes writes nothing.
 */
export async function updateAccessibilityStatement(db: Db, opts: UpdateStatementOptions) {
	authorize(opts.actor, 'statement.edit', { type: 'organizer', organizerId: opts.organizerId });
	const raw = Object.fromEntries(STATEMENT_FIELDS.map((f) => [f, opts.input[f] ?? '']));
	const parsed = statementSchema(opts.today ?? todayInStockholm()).safeParse(raw);
	if (!parsed.success) {
		throw new AppError('INVALID', 'bad statement', fieldIssues(parsed.error.issues));
	}
	const next = parsed.data;
	const actor = opts.actor;
	return db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(accessibilityStatements)
			.where(eq(accessibilityStatements.organizerId, opts.organizerId))
			.for('update');
		const old = before ? Object.fromEntries(STATEMENT_FIELDS.map((f) => [f, before[f]])) : null;
		const changes = diffFields<Record<string, unknown>>(old, next, [...STATEMENT_FIELDS]);
		if (before && Object.keys(changes).length === 0) return { changed: false };
		await tx
			.insert(accessibilityStatements)
			.values({ organizerId: opts.organizerId, ...next })
			.onConflictDoUpdate({ target: accessibilityStatements.organizerId, set: { ...next, updatedAt: new Date() } });
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'statement.update',
			entityType: 'accessibility_statement',
			entityId: opts.organizerId,
			changes
		});
		return { changed: true };
	});
}

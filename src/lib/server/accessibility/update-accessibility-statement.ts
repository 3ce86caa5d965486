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

/** Digg asks for a way to reach the organizer: an e-mail address, a phone number or a web form. */
export function isReachableContact(value: string): boolean {
	const email = /[^\s@]+@[^\s@]+\.[^\s@]+/.test(value);
	const phone = (value.match(/\+?\d[\d\s-]{5,}\d/)?.[0].replace(/\D/g, '').length ?? 0) >= 7;
	const web = /(https?:\/\/|www\.)\S+\.\S+/i.test(value);
	return email || phone || web;
}

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

/**
 * What Digg asks of a statement beyond each field on its own: a contact that reaches someone, and the
 * known shortcomings whenever compliance is partial or none. Checked on the raw fields so these
 * messages come together with the others on the first submit.
 */
function statementGaps(raw: Record<string, string>) {
	const gaps: { path: string[]; message: string }[] = [];
	const contact = raw.feedbackContact.trim();
	if (contact.length >= 3 && !isReachableContact(contact))
		gaps.push({ path: ['feedbackContact'], message: 'exports_statement_contact_kind' });
	if (raw.complianceStatus !== 'full' && raw.nonCompliantContent.trim() === '')
		gaps.push({ path: ['nonCompliantContent'], message: 'exports_statement_shortcomings_required' });
	return gaps;
}

/** The statement's fields checked and normalized, or INVALID with every field issue in form order. */
export function validateStatement(input: UpdateStatementOptions['input'], today: string) {
	const raw = Object.fromEntries(STATEMENT_FIELDS.map((f) => [f, input[f] ?? '']));
	const parsed = statementSchema(today).safeParse(raw);
	const gaps = statementGaps(raw);
	if (parsed.success && !gaps.length) return parsed.data;
	const all = [...(parsed.success ? [] : parsed.error.issues), ...gaps];
	const order = (i: { path: PropertyKey[] }) => STATEMENT_FIELDS.indexOf(i.path[0] as (typeof STATEMENT_FIELDS)[number]);
	throw new AppError('INVALID', 'bad statement', fieldIssues(all.sort((a, b) => order(a) - order(b))));
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
	const next = validateStatement(opts.input, opts.today ?? todayInStockholm());
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

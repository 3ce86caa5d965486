import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Db } from '$lib/server/db';
import { isAppError, type FieldIssue } from '$lib/server/errors';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import type { Actor } from '$lib/server/policies';
import { requestJob } from '$lib/server/jobs/app-jobs';

/** The case number from the URL; anything but a plain positive number is not found. */
export function caseNumber(raw: string): number {
	if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) error(404);
	return Number(raw);
}

type StepFn = (db: Db, opts: { actor: Actor; organizerId: string; number: number; input: never }) => Promise<unknown>;

/**
 * Runs one handling step from its form. Each form's fields are named `<step>-<field>` so every id
 * on the page is unique and the error summary links to the right one; issues on fields the page
 * does not show (hidden inputs) go next to the step's button. Success → 303 back to the case page.
 */
export async function runStep(
	event: RequestEvent<{ org: string; number: string }>,
	step: string,
	fields: string[],
	fn: StepFn,
	hidden: string[] = []
) {
	const { actor, organizer } = await requireOrganizer(event);
	const data = await event.request.formData();
	const values: Record<string, string> = {};
	const input: Record<string, string> = {};
	for (const f of [...fields, ...hidden]) {
		const v = data.get(`${step}-${f}`);
		if (typeof v !== 'string') continue;
		input[f] = v;
		if (fields.includes(f)) values[`${step}-${f}`] = v;
	}
	const number = caseNumber(event.params.number);
	try {
		await fn(event.locals.db, { actor, organizerId: organizer.id, number, input: input as never });
	} catch (e) {
		if (!isAppError(e)) throw e;
		if (e.code === 'NOT_FOUND') error(404);
		if (e.code === 'FORBIDDEN' || e.code === 'UNAUTHENTICATED') error(403);
		const issues: FieldIssue[] = (e.issues.length ? e.issues : [{ field: 'form', message: e.message }]).map((i) => ({
			field: fields.includes(i.field) ? `${step}-${i.field}` : `${step}-submit`,
			message: i.message
		}));
		return fail(e.code === 'CONFLICT' ? 409 : 400, { step, values, issues });
	}
	// The step may have written notification mail and team channel posts (decision 026): send them now, not at the jobs' next minute.
	void requestJob('notification-channels').catch(() => undefined);
	void requestJob('mail-outbox').catch(() => undefined);
	// A closed case may owe its requester a pulse (decision 059); the job decides, after the organizer's delay.
	if (step === 'close' || step === 'merge') void requestJob('survey-pulses').catch(() => undefined);
	redirect(303, `/${organizer.slug}/support/${number}`);
}

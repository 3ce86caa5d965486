import type { Db } from '../../db';
import { env } from '../../env';
import { isAppError, zodIssues, type AppError } from '../../errors';
import { recordAudit } from '../../audit/record-audit';
import { problem, problemFields } from './problem';
import type { ApiOperation } from './operation';
import { authenticateApiToken, hitApiRateLimit, type ApiCaller } from './tokens/authenticate-api-token';
import { grants } from './tokens/scopes';

/** The parts of a SvelteKit RequestEvent an operation needs (so specs can build one without a server). */
export type ApiEvent = { request: Request; url: URL; params: Record<string, string | undefined>; locals: { db: Db } };

/** Most bytes an API body may have (a case's description is at most 10 000 characters). */
const MAX_BODY_BYTES = 256 * 1024;

/** A refused write is kept in the audit log: which operation, which token, what was wrong (not the body itself). */
async function auditRefused(db: Db, caller: ApiCaller, op: ApiOperation, reason: string, fields: string[] = []) {
	await recordAudit(db, {
		organizerId: caller.organizerId,
		actorId: caller.actor.personId,
		action: 'api.refused',
		entityType: 'api_token',
		entityId: caller.tokenId,
		changes: { operation: op.id, reason, fields }
	});
}

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; detail: string; status: number }> {
	const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
	if (type !== 'application/json') return { ok: false, status: 415, detail: 'Skicka kroppen som application/json.' };
	const text = await request.text();
	if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { ok: false, status: 400, detail: 'Kroppen är för stor.' };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false, status: 400, detail: 'Kroppen är inte giltig JSON.' };
	}
}

/** A domain error as a problem document. */
function problemFromError(e: AppError): Response {
	switch (e.code) {
		case 'NOT_FOUND':
			return problem(404, 'Resursen finns inte, eller nyckeln får inte se den.');
		case 'FORBIDDEN':
		case 'UNAUTHENTICATED':
			return problem(403, 'Nyckelns person eller roll får inte göra detta.');
		case 'CONFLICT':
			return problem(409, 'Resursens läge tillåter inte detta just nu.', { errors: problemFields(e.issues) });
		case 'RATE_LIMITED':
			return problem(429, 'För många anrop.');
		case 'INVALID':
			return problem(400, 'Några fält är ogiltiga.', { errors: problemFields(e.issues) });
	}
}

/**
 * Answers one API request: the bearer token (never a cookie), the token's rate limit, the operation's scope, then
 * path, query and body validated by the operation's zod schemas, then its code. Every failure is a problem
 * document; a refused write (invalid body, or the domain refusing the input) writes nothing and is audited.
 */
export async function serveOperation(op: ApiOperation, event: ApiEvent, opts: { rateLimit?: number } = {}): Promise<Response> {
	const db = event.locals.db;
	let caller: ApiCaller;
	try {
		caller = await authenticateApiToken(db, event.request.headers.get('authorization'));
		await hitApiRateLimit(db, caller.tokenId, opts.rateLimit ?? env.API_RATE_LIMIT_PER_MINUTE);
	} catch (e) {
		if (!isAppError(e)) throw e;
		if (e.code === 'RATE_LIMITED') {
			const retryAfter = (e as AppError & { retryAfter?: number }).retryAfter ?? 60;
			return problem(429, `Nyckeln har gjort för många anrop. Försök igen om ${retryAfter} sekunder.`, {
				headers: { 'retry-after': String(retryAfter) }
			});
		}
		return problem(401, 'Skicka en giltig API-nyckel i Authorization: Bearer <nyckel>.', { headers: { 'www-authenticate': 'Bearer' } });
	}
	if (!grants(caller.scopes, op.scope)) return problem(403, `Nyckeln saknar behörigheten ${op.scope}.`);
	const write = op.method !== 'GET';
	// A malformed identifier in the path names nothing: 404, as for an id that does not exist.
	const params = op.params ? op.params.safeParse(event.params) : { success: true as const, data: {} };
	if (!params.success) return problem(404, 'Resursen finns inte, eller nyckeln får inte se den.');
	const query = op.query ? op.query.safeParse(Object.fromEntries(event.url.searchParams)) : { success: true as const, data: {} };
	if (!query.success) return problem(400, 'Några parametrar är ogiltiga.', { errors: problemFields(zodIssues(query.error.issues)) });
	let body: unknown = undefined;
	if (op.body) {
		const read = await readJson(event.request);
		if (!read.ok) {
			await auditRefused(db, caller, op, read.detail);
			return problem(read.status, read.detail);
		}
		const parsed = op.body.safeParse(read.value);
		if (!parsed.success) {
			const issues = zodIssues(parsed.error.issues);
			await auditRefused(
				db,
				caller,
				op,
				'invalid',
				issues.map((i) => i.field)
			);
			return problem(400, 'Några fält är ogiltiga.', { errors: problemFields(issues) });
		}
		body = parsed.data;
	}
	try {
		// The answer is what the documented schema lets through (unknown fields stripped), so it cannot drift from it.
		const result = op.response.parse(await op.run({ db, caller, params: params.data, query: query.data, body }));
		return new Response(JSON.stringify(result), {
			status: op.status ?? 200,
			headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
		});
	} catch (e) {
		if (!isAppError(e)) throw e;
		if (write && (e.code === 'INVALID' || e.code === 'FORBIDDEN' || e.code === 'CONFLICT')) {
			await auditRefused(
				db,
				caller,
				op,
				e.code.toLowerCase(),
				e.issues.map((i) => i.field)
			);
		}
		return problemFromError(e);
	}
}

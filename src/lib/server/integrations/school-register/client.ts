import type { z } from 'zod';
import type { RegisterAddress } from '../../db/schema';
import {
	REGISTER_PATHS,
	REGISTER_SCHOOL_TYPES,
	REGISTER_STATUSES,
	schoolUnitDetailSchema,
	schoolUnitListSchema,
	type RegisterStatus
} from './register-api';

/** A failure talking to the register: a timeout, an HTTP error or an answer that does not parse. */
export class SchoolRegisterError extends Error {
	constructor(
		message: string,
		readonly kind: 'timeout' | 'http' | 'malformed' | 'network'
	) {
		super(message);
	}
}

/** Which units to ask for: an organizer's by its organisationsnummer, or a municipality's own by its code. */
export type RegisterSource = { source: 'org_number' | 'municipality'; value: string };

/** One school unit as Rödtråd takes it from the register. */
export type RegisterUnit = {
	schoolUnitCode: string;
	name: string;
	status: RegisterStatus;
	/** Rödtråd's codes, in SCHOOL_TYPES order is left to the unit input; here sorted for stable comparison. */
	schoolTypes: string[];
	addresses: RegisterAddress[];
	municipalityCode: string | null;
};

const DETAIL_CONCURRENCY = 4;

/**
 * A small client for the register's open API v2: the list of units for a source, then each unit's details (a few at a
 * time). Every answer is parsed by zod before anything uses it; an answer that does not parse fails the whole fetch.
 */
export function createSchoolRegisterClient({ baseUrl, timeoutMs = 20_000 }: { baseUrl: string; timeoutMs?: number }) {
	const base = baseUrl.replace(/\/+$/, '');

	async function get<S extends z.ZodTypeAny>(path: string, params: URLSearchParams | null, schema: S): Promise<z.infer<S>> {
		const url = `${base}${path}${params ? `?${params}` : ''}`;
		let res: Response;
		try {
			res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
		} catch (e) {
			const name = (e as Error)?.name;
			if (name === 'TimeoutError' || name === 'AbortError')
				throw new SchoolRegisterError(`timeout after ${timeoutMs} ms: ${path}`, 'timeout');
			throw new SchoolRegisterError(`cannot reach ${base}: ${(e as Error)?.message}`, 'network');
		}
		if (!res.ok) throw new SchoolRegisterError(`${path} answered ${res.status}`, 'http');
		const body = await res.json().catch(() => undefined);
		const parsed = schema.safeParse(body);
		if (!parsed.success)
			throw new SchoolRegisterError(`${path}: unexpected answer (${parsed.error.issues[0]?.message ?? 'no body'})`, 'malformed');
		return parsed.data;
	}

	/** The codes, names and statuses of the source's units, every status asked for explicitly. */
	async function listUnits(source: RegisterSource) {
		const params = new URLSearchParams();
		params.append(source.source === 'org_number' ? 'organization_number' : 'municipality_code', source.value);
		for (const s of REGISTER_STATUSES) params.append('status', s);
		return (await get(REGISTER_PATHS.schoolUnits, params, schoolUnitListSchema)).data.attributes;
	}

	/** One unit's details, or null when the register no longer has it (404). */
	async function getUnit(code: string) {
		try {
			return await get(REGISTER_PATHS.schoolUnit(code), null, schoolUnitDetailSchema);
		} catch (e) {
			if (e instanceof SchoolRegisterError && e.message.endsWith('answered 404')) return null;
			throw e;
		}
	}

	/**
	 * The source's units with their details. By municipality code only units whose organizer is the municipality
	 * (organizerType KOMMUN) are kept: the code alone also finds the independent schools in it.
	 */
	async function fetchUnits(source: RegisterSource): Promise<RegisterUnit[]> {
		const listed = await listUnits(source);
		const out: RegisterUnit[] = [];
		for (let i = 0; i < listed.length; i += DETAIL_CONCURRENCY) {
			const details = await Promise.all(listed.slice(i, i + DETAIL_CONCURRENCY).map((u) => getUnit(u.schoolUnitCode)));
			details.forEach((d, j) => {
				const item = listed[i + j];
				if (source.source === 'municipality' && d?.included?.attributes?.organizerType && d.included.attributes.organizerType !== 'KOMMUN')
					return;
				const a = d?.data.attributes;
				out.push({
					schoolUnitCode: item.schoolUnitCode,
					name: a?.displayName ?? a?.schoolName ?? item.name,
					status: a?.status ?? item.status,
					schoolTypes: mapSchoolTypes(a?.schoolTypes ?? []),
					addresses: (a?.addresses ?? []).map((x) => ({
						type: x.type ?? 'OKAND',
						street: x.streetAddress,
						postalCode: x.postalCode,
						locality: x.locality
					})),
					municipalityCode: a?.municipalityCode ?? null
				});
			});
		}
		return out;
	}

	return { listUnits, getUnit, fetchUnits };
}

/** The register's school types as Rödtråd's codes, unknown ones left out, sorted and without repeats. */
export function mapSchoolTypes(codes: readonly string[]): string[] {
	return [...new Set(codes.map((c) => REGISTER_SCHOOL_TYPES[c.toUpperCase()]).filter((c): c is string => !!c))].sort();
}

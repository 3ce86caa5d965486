import { z } from 'zod';

/**
 * Everything this client knows about Skolverket's school-unit register, open API v2 (decision 055), in one place: the
 * paths, the codes and the shapes of the two answers it reads. Confirmed from the published v2 OpenAPI description
 * and clients written against it: the paths, the query names (array parameters repeat the name), the list answer
 * `{ meta, data: { type, attributes: [ { schoolUnitCode, name, status } ] } }` with no paging, the detail answer with
 * the code on `data` and the fields in `data.attributes`, the status and school-type codes. Every field read is
 * validated here; unknown fields are ignored.
 */
export const REGISTER_PATHS = {
	/** All school units matching the filters, in one answer (no paging). */
	schoolUnits: '/v2/school-units',
	/** One school unit with its school types, addresses and organizer. */
	schoolUnit: (code: string) => `/v2/school-units/${encodeURIComponent(code)}`
} as const;

/** The register's status codes: active, dormant, closed (stavat UPPHORT), planned. */
export const REGISTER_STATUSES = ['AKTIV', 'VILANDE', 'UPPHORT', 'PLANERAD'] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];

/**
 * The register's school-type codes → Rödtråd's (SS 12000 SchoolTypesEnum). The adapted schools have new names in the
 * register (GRAN, GYAN) and the old ones in SS 12000 (GRS, GYS). A code not listed here is left out.
 */
export const REGISTER_SCHOOL_TYPES: Record<string, string> = {
	FKLASS: 'FKLASS',
	FTH: 'FTH',
	OPPFTH: 'OPPFTH',
	GR: 'GR',
	GRAN: 'GRS',
	SP: 'SP',
	SAM: 'SAM',
	GY: 'GY',
	GYAN: 'GYS',
	VUX: 'VUX'
};

const text = z.string().trim();
const optionalText = z
	.string()
	.nullish()
	.transform((v) => (v && v.trim() ? v.trim() : null));

/** `/v2/school-units`: the list. */
export const schoolUnitListSchema = z.object({
	meta: z.object({ extractDate: z.string().nullish() }).partial().nullish(),
	data: z.object({
		attributes: z.array(z.object({ schoolUnitCode: z.string().regex(/^\d{8}$/), name: text.min(1), status: z.enum(REGISTER_STATUSES) }))
	})
});

const addressSchema = z.object({
	type: z.string().nullish(),
	streetAddress: optionalText,
	postalCode: optionalText,
	locality: optionalText
});

/** `/v2/school-units/{code}`: one unit. */
export const schoolUnitDetailSchema = z.object({
	data: z.object({
		schoolUnitCode: z.string().regex(/^\d{8}$/),
		attributes: z.object({
			displayName: optionalText,
			schoolName: optionalText,
			status: z.enum(REGISTER_STATUSES),
			schoolTypes: z.array(z.string()).nullish(),
			addresses: z.array(addressSchema).nullish(),
			municipalityCode: optionalText
		})
	}),
	included: z
		.object({
			organizationNumber: optionalText,
			attributes: z.object({ organizerType: optionalText }).partial().nullish()
		})
		.nullish()
});

export type SchoolUnitDetail = z.infer<typeof schoolUnitDetailSchema>;

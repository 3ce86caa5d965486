import { z } from 'zod';

/**
 * The parts of SS 12000 2.1 the sync reads, parsed strictly enough that a malformed page is refused whole
 * (decision 051). Fields the sync does not use are let through untouched. The civic number is never read.
 */
const meta = z.object({ created: z.string(), modified: z.string() });
const ref = z.object({ id: z.string().min(1) });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const organisationSchema = z.object({
	id: z.string().min(1),
	meta,
	displayName: z.string().min(1),
	organisationType: z.string(),
	schoolUnitCode: z.string().optional(),
	schoolTypes: z.array(z.string()).optional(),
	endDate: date.optional()
});

export const personSchema = z.object({
	id: z.string().min(1),
	meta,
	givenName: z.string(),
	familyName: z.string(),
	eduPersonPrincipalNames: z.array(z.string()).optional(),
	emails: z.array(z.object({ value: z.string(), type: z.string() })).optional(),
	securityMarking: z.enum(['Ingen', 'Sekretessmarkering', 'Skyddad folkbokföring']).optional(),
	personStatus: z.enum(['Aktiv', 'Utvandrad', 'Avliden']).optional()
});

export const dutySchema = z.object({
	id: z.string().min(1),
	meta,
	person: ref.optional(),
	dutyAt: ref,
	dutyRole: z.string(),
	startDate: date,
	endDate: date.optional()
});

export const groupSchema = z.object({
	id: z.string().min(1),
	meta,
	displayName: z.string(),
	groupType: z.string(),
	organisation: ref
});

export const deletedSchema = z.object({
	persons: z.array(z.string()).optional(),
	duties: z.array(z.string()).optional(),
	organisations: z.array(z.string()).optional(),
	groups: z.array(z.string()).optional()
});

export type SourceOrganisation = z.infer<typeof organisationSchema>;
export type SourcePerson = z.infer<typeof personSchema>;
export type SourceDuty = z.infer<typeof dutySchema>;
export type SourceGroup = z.infer<typeof groupSchema>;
export type SourceDeleted = z.infer<typeof deletedSchema>;

/** A page of a collection: its entities and the token of the next page (null or absent = the last). */
export const pageOf = <T extends z.ZodTypeAny>(item: T) => z.object({ data: z.array(item), pageToken: z.string().nullish() });

export const deletedPage = z.object({ data: deletedSchema, pageToken: z.string().nullish() });

import { z } from 'zod';
import { API_AREAS, API_LEVELS, type ApiArea } from './scopes';

/** How long a new token lasts, in days; 0: until revoked. */
export const TOKEN_LIFETIMES = [30, 90, 365, 0] as const;

/** The token form: a name, a level per area and a lifetime. Messages are message keys. */
export const apiTokenSchema = z
	.object({
		name: z.string().trim().min(1, 'api_error_name_required').max(100, 'api_error_name_too_long'),
		lifetimeDays: z.coerce.number().refine((v) => (TOKEN_LIFETIMES as readonly number[]).includes(v), 'api_error_choose_lifetime'),
		...(Object.fromEntries(API_AREAS.map((a) => [a, z.enum(API_LEVELS, { message: 'api_error_choose_level' }).default('none')])) as Record<
			ApiArea,
			z.ZodDefault<z.ZodEnum<{ none: 'none'; read: 'read'; write: 'write' }>>
		>)
	})
	.refine((v) => API_AREAS.some((a) => v[a] !== 'none'), { message: 'api_error_choose_scope', path: ['scopes'] });
export type ApiTokenInput = z.input<typeof apiTokenSchema>;

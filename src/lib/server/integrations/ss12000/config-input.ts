import { z } from 'zod';
import { AppError, zodIssues } from '../../errors';
import { DUTY_ROLES, MAPPABLE_ROLES } from './role-map';

const YES = new Set(['on', 'true', '1']);
const httpUrl = (message: string) =>
	z
		.string({ error: message })
		.trim()
		.max(500, message)
		.refine((v) => {
			try {
				const u = new URL(v);
				return u.protocol === 'https:' || u.protocol === 'http:';
			} catch {
				return false;
			}
		}, message);

/**
 * The configuration form (messages are message keys). The secret is write-only: empty keeps the stored one. The role
 * map comes as one field per duty role, `role_<index in DUTY_ROLES>`, empty for "not synced".
 */
const schema = z
	.object({
		baseUrl: httpUrl('ss12000_error_base_url'),
		authKind: z.enum(['bearer', 'oauth2'], { error: 'ss12000_error_auth_kind' }),
		tokenUrl: z.string().trim().max(500).optional().default(''),
		clientId: z.string().trim().max(200, 'ss12000_error_client_id').optional().default(''),
		secret: z.string().max(4000, 'ss12000_error_secret').optional().default(''),
		syncGroups: z.preprocess((v) => typeof v === 'string' && YES.has(v), z.boolean())
	})
	.superRefine((v, ctx) => {
		if (v.authKind !== 'oauth2') return;
		if (!httpUrl('x').safeParse(v.tokenUrl).success)
			ctx.addIssue({ code: 'custom', path: ['tokenUrl'], message: 'ss12000_error_token_url' });
		if (!v.clientId) ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'ss12000_error_client_id' });
	});

export type Ss12000ConfigInput = z.infer<typeof schema> & { roleMap: Record<string, string> };

/** Parses the configuration form or throws AppError INVALID with one issue per field. */
export function parseSs12000ConfigInput(values: Record<string, unknown>): Ss12000ConfigInput {
	const parsed = schema.safeParse(values);
	const issues = parsed.success ? [] : zodIssues(parsed.error.issues);
	const roleMap: Record<string, string> = {};
	for (const [i, duty] of DUTY_ROLES.entries()) {
		const role = String(values[`role_${i}`] ?? '').trim();
		if (!role) continue;
		if ((MAPPABLE_ROLES as readonly string[]).includes(role)) roleMap[duty] = role;
		else issues.push({ field: `role_${i}`, message: 'ss12000_error_role' });
	}
	if (!parsed.success || issues.length) throw new AppError('INVALID', 'invalid ss12000 config', issues);
	return { ...parsed.data, roleMap };
}

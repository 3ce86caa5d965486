import { z } from 'zod';
import { CHAINS } from '../constants';

/** A team's or category's name. */
export const configName = z.string().trim().min(2, 'supportadmin_error_name_required').max(120, 'supportadmin_error_too_long');

/** The add-a-team form. A supplier (line 3) names its organization. */
export const createTeamSchema = z
	.object({
		name: configName,
		chain: z.enum(CHAINS, { message: 'support_error_choose_chain' }),
		line: z.enum(['2', '3'], { message: 'supportadmin_error_choose_line' }).transform(Number),
		supplierName: z.string().trim().max(200, 'supportadmin_error_too_long').default('')
	})
	.superRefine((v, ctx) => {
		if (v.line === 3 && v.supplierName.length < 2)
			ctx.addIssue({ code: 'custom', path: ['supplierName'], message: 'supportadmin_error_supplier_required' });
	})
	.transform((v) => ({ ...v, line: v.line as 2 | 3, supplierName: v.line === 3 ? v.supplierName : null }));
export type CreateTeamInput = z.input<typeof createTeamSchema>;

/** The rename form; supplierName only matters for a line-3 team. */
export const renameTeamSchema = z.object({
	name: configName,
	supplierName: z.string().trim().max(200, 'supportadmin_error_too_long').default('')
});
export type RenameTeamInput = z.input<typeof renameTeamSchema>;

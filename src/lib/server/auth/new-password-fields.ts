import { z } from 'zod';
import { passwordProblem } from './password-policy';

/** A new password (long enough, not a common one); messages are message keys. */
export const newPasswordField = z.string().superRefine((value, ctx) => {
	const problem = passwordProblem(value);
	if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A new password typed twice; the repeat must match. Messages are message keys. */
export const newPasswordSchema = z
	.object({
		newPassword: newPasswordField,
		newPasswordRepeat: z.string()
	})
	.refine((v) => v.newPassword === v.newPasswordRepeat, {
		path: ['newPasswordRepeat'],
		message: 'account_error_password_mismatch'
	});

export type NewPasswordInput = z.input<typeof newPasswordSchema>;

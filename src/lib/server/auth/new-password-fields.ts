import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './password';

/** A new password typed twice; the repeat must match. Messages are message keys. */
export const newPasswordSchema = z
	.object({
		newPassword: z.string().min(MIN_PASSWORD_LENGTH, 'error_password_short').max(200, 'error_too_long'),
		newPasswordRepeat: z.string()
	})
	.refine((v) => v.newPassword === v.newPasswordRepeat, {
		path: ['newPasswordRepeat'],
		message: 'account_error_password_mismatch'
	});

export type NewPasswordInput = z.input<typeof newPasswordSchema>;

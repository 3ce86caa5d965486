import { randomBytes } from 'node:crypto';

/** A new signing secret in Standard Webhooks' form: `whsec_` and 32 random bytes in base64. Shown once, stored sealed. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

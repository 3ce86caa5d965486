import type { ss12000Configs } from '../../db/schema';
import { openSecret } from '../../crypto/secrets';
import { createSs12000Client } from './client';

/** The client for a stored configuration: its base URL and its sealed bearer token or OAuth2 client secret opened. */
export function clientForConfig(config: typeof ss12000Configs.$inferSelect, options: { limit?: number; timeoutMs?: number } = {}) {
	return createSs12000Client({
		baseUrl: config.baseUrl,
		auth:
			config.authKind === 'oauth2'
				? {
						kind: 'oauth2',
						tokenUrl: config.tokenUrl ?? '',
						clientId: config.clientId ?? '',
						secret: openSecret(config.sealedSecret ?? '')
					}
				: { kind: 'bearer', token: config.sealedSecret ? openSecret(config.sealedSecret) : '' },
		limit: options.limit,
		timeoutMs: options.timeoutMs
	});
}

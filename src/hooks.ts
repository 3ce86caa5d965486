import type { Transport } from '@sveltejs/kit/hooks';
import { ServerRendered } from '$lib/server-rendered';

export const transport: Transport = {
	// Server-only page data (src/lib/server-rendered.ts): a placeholder in the serialized page, never decoded.
	ServerRendered: {
		encode: (value) => value instanceof ServerRendered && [],
		decode: () => {
			throw new Error('ServerRendered data is only for pages with csr = false');
		}
	}
};

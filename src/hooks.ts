import type { Transport } from '@sveltejs/kit/hooks';
import { ServerRendered } from '$lib/server-rendered';

export const transport: Transport = {
	// Data only the server-rendered HTML of a csr = false page needs (src/lib/server-rendered.ts): a placeholder in
	// the serialized page, never decoded (data requests get the plain value).
	ServerRendered: {
		encode: (value) => value instanceof ServerRendered && [],
		decode: () => {
			throw new Error('ServerRendered data is only for the HTML of pages with csr = false');
		}
	}
};

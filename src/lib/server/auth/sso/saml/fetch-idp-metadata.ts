import { AppError, invalid } from '../../../errors';
import { env } from '../../../env';
// The same guard as webhooks' and OIDC discovery (decisions 050, 052): the address is typed by an administrator.
import { checkWebhookTarget } from '../../../integrations/webhooks/webhook-target';
import { isLoopbackHttp } from '../provider-input';
import { MAX_METADATA_BYTES } from './idp-metadata';

const TIMEOUT_MS = 15_000;
const MAX_REDIRECTS = 3;

/**
 * Fetches an identity provider's metadata from its address (decision 054): https only (plain http only on this
 * machine where SSO_ALLOW_PRIVATE_ISSUERS allows it, for the tests), every address — redirects included — through
 * the webhooks' guard against loopback, link-local and private addresses, 15 seconds and 20 MB at most.
 * Throws INVALID on the `metadataUrl` field with a message key.
 */
export async function fetchIdpMetadata(raw: string, opts: { allowPrivate?: boolean } = {}): Promise<string> {
	const allowPrivate = opts.allowPrivate ?? env.SSO_ALLOW_PRIVATE_ISSUERS;
	let address = raw.trim();
	for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
		let url: URL;
		try {
			url = await checkWebhookTarget(address, { allowPrivate });
		} catch (e) {
			if (e instanceof AppError) throw invalid('metadataUrl', e.issues[0]?.message.replace('webhooks_', 'saml_') ?? 'saml_error_url');
			throw e;
		}
		if (url.protocol !== 'https:' && !isLoopbackHttp(url)) throw invalid('metadataUrl', 'saml_error_url_https');
		let response: Response;
		try {
			response = await fetch(url, {
				redirect: 'manual',
				signal: AbortSignal.timeout(TIMEOUT_MS),
				headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' }
			});
		} catch {
			throw invalid('metadataUrl', 'saml_error_fetch');
		}
		if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
			address = new URL(response.headers.get('location')!, url).href;
			continue;
		}
		if (!response.ok) throw invalid('metadataUrl', 'saml_error_fetch');
		if (Number(response.headers.get('content-length') ?? 0) > MAX_METADATA_BYTES)
			throw invalid('metadataUrl', 'saml_error_metadata_too_large');
		const text = await response.text();
		if (text.length > MAX_METADATA_BYTES) throw invalid('metadataUrl', 'saml_error_metadata_too_large');
		return text;
	}
	throw invalid('metadataUrl', 'saml_error_fetch');
}

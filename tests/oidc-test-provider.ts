import { OAuth2Server } from 'oauth2-mock-server';

/**
 * A local OpenID Connect provider for the tests (decision 050): oauth2-mock-server on 127.0.0.1, with its own
 * signing key, discovery, PKCE and nonce. Its authorization endpoint answers at once (no login form), so the test
 * decides who "signed in" with `signInAs(claims)`: the next id token carries those claims. `tamper` changes the next
 * id token after the fact (a wrong audience, an old expiry) to test refusals. Nothing leaves this machine.
 */
export async function startTestOidcProvider(port = 0) {
	const server = new OAuth2Server();
	await server.issuer.keys.generate('RS256');
	await server.start(port, '127.0.0.1');
	let claims: Record<string, unknown> = {};
	let tamper: ((payload: Record<string, unknown>) => void) | null = null;
	server.service.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }) => {
		// Only the id token carries a nonce; the access token is left as the mock makes it.
		if (!('nonce' in token.payload)) return;
		Object.assign(token.payload, claims);
		tamper?.(token.payload);
		tamper = null;
	});
	return {
		issuer: server.issuer.url!.replace(/\/$/, ''),
		signInAs(next: Record<string, unknown>) {
			claims = next;
		},
		tamperNext(fn: (payload: Record<string, unknown>) => void) {
			tamper = fn;
		},
		stop: () => server.stop()
	};
}
export type TestOidcProvider = Awaited<ReturnType<typeof startTestOidcProvider>>;

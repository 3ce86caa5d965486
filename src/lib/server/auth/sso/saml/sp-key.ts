import { eq } from 'drizzle-orm';
import type { Db } from '../../../db';
import { instanceSettings } from '../../../db/schema';
import { openSecret, sealSecret } from '../../../crypto/secrets';
import { newRsaCertificate } from '../../../crypto/self-signed-certificate';
import { env } from '../../../env';

/** The installation's SAML key pair (decision 054): the private key as PEM, the certificate as PEM and bare base64. */
export type ServiceProviderKey = { privateKeyPem: string; certificatePem: string; certificateBase64: string };

/** The instance_settings key of the SAML key pair. */
export const SP_KEY_SETTING = 'saml_sp_key';
const YEARS = 20;

let cached: { stored: string; key: ServiceProviderKey } | null = null;

/**
 * The installation's SAML service-provider key: made at first use (RSA 3072, a self-signed certificate for 20 years —
 * federations trust the key in the metadata, not a CA), kept in instance_settings with the private key sealed under
 * the installation key (decision 038), and the same for every app node (the first writer wins; the others read its
 * key). Signs authentication requests and decrypts encrypted assertions.
 */
export async function serviceProviderKey(db: Db): Promise<ServiceProviderKey> {
	const stored = await readStored(db);
	if (stored) return opened(stored);
	const made = makeKey();
	await db
		.insert(instanceSettings)
		.values({ key: SP_KEY_SETTING, value: { privateKey: sealSecret(made.privateKeyPem), certificate: made.certificateBase64 } })
		.onConflictDoNothing();
	return opened((await readStored(db))!);
}

async function readStored(db: Db) {
	const [row] = await db.select({ value: instanceSettings.value }).from(instanceSettings).where(eq(instanceSettings.key, SP_KEY_SETTING));
	const v = row?.value as { privateKey?: string; certificate?: string } | undefined;
	return v?.privateKey && v.certificate ? { privateKey: v.privateKey, certificate: v.certificate } : null;
}

function opened(stored: { privateKey: string; certificate: string }): ServiceProviderKey {
	if (cached?.stored === stored.privateKey) return cached.key;
	const key = {
		privateKeyPem: openSecret(stored.privateKey),
		certificatePem: pem(stored.certificate, 'CERTIFICATE'),
		certificateBase64: stored.certificate
	};
	cached = { stored: stored.privateKey, key };
	return key;
}

const pem = (base64: string, label: string) =>
	`-----BEGIN ${label}-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;

function makeKey(): ServiceProviderKey {
	const host = new URL(env.ORIGIN).hostname || 'rodtrad';
	const made = newRsaCertificate({ commonName: host, organization: 'Rödtråd', years: YEARS });
	return {
		privateKeyPem: made.privateKeyPem,
		certificatePem: pem(made.certificateBase64, 'CERTIFICATE'),
		certificateBase64: made.certificateBase64
	};
}

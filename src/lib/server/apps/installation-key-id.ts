import { signingKey } from '../crypto/package-signing';

/** The fingerprint of the key this installation signs review packages with, for the sender to tell the receiver. */
export const installationKeyId = () => signingKey().keyId;

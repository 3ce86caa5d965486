import QRCode from 'qrcode';
import { groupSecret, otpauthUri } from './totp';

/**
 * What the set-up page shows while set-up is pending: the otpauth:// address as a QR code (an SVG in a data:
 * address, which the CSP's img-src allows), as a link, and the key in groups of four for typing by hand.
 */
export async function presentTwoFactorSetup(secret: string, account: string) {
	const uri = otpauthUri(secret, account);
	const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	return { uri, groupedSecret: groupSecret(secret), qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

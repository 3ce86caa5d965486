import { expect } from '@playwright/test';
import { MAIL_HTTP_PORT } from './mail-ports';

/** A mail as the mail catcher received it (tests/e2e/mail-catcher.ts). */
export type CaughtMail = { id: number; to: string[]; subject: string; text: string };

/** Every mail the e2e servers have sent to `to`, oldest first. */
export async function mailsTo(to: string): Promise<CaughtMail[]> {
	const response = await fetch(`http://127.0.0.1:${MAIL_HTTP_PORT}/messages?to=${encodeURIComponent(to.toLowerCase())}`);
	return response.json();
}

/**
 * Runs `send` and waits for the next mail to `to` after it (up to 20 s) that `matches` (any mail by default);
 * returns it. Give `matches` when another mail to the same address may still be on its way (an invitation).
 */
export async function nextMailTo(
	to: string,
	send: () => Promise<unknown>,
	matches: (mail: CaughtMail) => boolean = () => true
): Promise<CaughtMail> {
	const before = (await mailsTo(to)).length;
	await send();
	let mail: CaughtMail | undefined;
	await expect
		.poll(async () => (mail = (await mailsTo(to)).slice(before).find(matches)), { message: `a new mail to ${to}`, timeout: 20_000 })
		.toBeTruthy();
	return mail!;
}

/** The password-reset link in a mail. */
export function resetLinkIn(mail: CaughtMail): string {
	const link = mail.text.match(/http:\/\/\S+\/aterstall-losenord\/[\w-]+/)?.[0];
	expect(link, 'a reset link in the mail').toBeTruthy();
	return link!;
}

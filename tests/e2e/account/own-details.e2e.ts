/**
 * A person changes their own name and sign-in address (decision 018): the address changes only through the
 * link sent to the new address (confirmed here without JavaScript), and the old address is told.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { setPasswordByMail, signIn, signInAsAdmin, TEST_ORG } from '../helpers';
import { mailsTo, nextMailTo } from '../mail';

const stamp = Date.now().toString(36);
const ELIN = { name: 'Elin Epostsson', email: `elin.${stamp}@testkommun.se`, password: 'elins eget långa lösenord' };
const NEW_EMAIL = `elin.ny.${stamp}@exempel.example`;

test('a person renames themself and moves their account to a new address through the link sent there', async ({ page, browser }) => {
	test.setTimeout(180_000);
	await signInAsAdmin(page);
	await page.goto(`/${TEST_ORG.slug}/admin/personer/ny`);
	await page.getByLabel('Namn', { exact: true }).fill(ELIN.name);
	await page.getByLabel('E-postadress').fill(ELIN.email);
	await page.getByRole('button', { name: 'Lägg till person' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(ELIN.name);
	await setPasswordByMail(browser, ELIN.email, ELIN.password);

	const elin = await (await browser.newContext()).newPage();
	await signIn(elin, ELIN.email, ELIN.password);
	await elin.goto('/konto');
	await elin.getByRole('link', { name: 'Ändra ditt namn eller din e-postadress' }).click();
	await expect(elin.getByRole('heading', { level: 1 })).toHaveText('Dina uppgifter');
	await expectAccessible(elin);

	await elin.getByLabel('Namn', { exact: true }).fill('Elin Nyström');
	await elin.getByRole('button', { name: 'Spara namnet' }).click();
	await expect(elin.getByRole('status')).toHaveText('Ditt namn är sparat.');
	await expect(elin.getByRole('link', { name: 'Inloggad som Elin Nyström' })).toBeVisible();

	// Wrong password and a malformed address: both said beside their fields, the address kept.
	await elin.getByLabel('Ny e-postadress').fill('elin.ny@');
	await elin.getByLabel('Nuvarande lösenord').fill('fel lösenord');
	await elin.getByRole('button', { name: 'Skicka länken' }).click();
	await expect(elin.locator('#currentPassword-error')).toContainText('stämmer inte');
	await expect(elin.locator('#newEmail-error')).toBeVisible();
	await expect(elin.getByLabel('Ny e-postadress')).toHaveValue('elin.ny@');
	await expectAccessible(elin);

	const mail = await nextMailTo(NEW_EMAIL, async () => {
		await elin.getByLabel('Ny e-postadress').fill(NEW_EMAIL);
		await elin.getByLabel('Nuvarande lösenord').fill(ELIN.password);
		await elin.getByRole('button', { name: 'Skicka länken' }).click();
		await expect(elin.getByRole('status')).toContainText('Om adressen kan användas har en länk skickats dit');
	});
	expect(mail.subject).toContain('Bekräfta din nya e-postadress');
	// Until the link is used, nothing has changed.
	await expect(elin.getByText(`Du loggar in med ${ELIN.email}.`)).toBeVisible();

	const link = new URL(mail.text.match(/http:\/\/\S+\/konto\/ny-adress\/[\w-]+/)![0]).pathname;
	await elin.goto(link);
	await expect(elin.getByText(`När du bekräftar blir ${NEW_EMAIL} adressen du loggar in med.`)).toBeVisible();
	await expectAccessible(elin);
	// Opened on another device, without JavaScript and signed out: the link is the key.
	const phone = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await phone.goto(link);
	await phone.getByRole('button', { name: 'Bekräfta den nya adressen' }).click();
	await expect(phone).toHaveURL(/\/logga-in\?adress-bytt$/);
	await expect(phone.getByRole('status')).toHaveText('Din e-postadress är bytt. Logga in med den nya adressen.');
	await phone.context().close();
	// Every session ended, the one on the laptop too.
	await elin.goto('/konto');
	await expect(elin).toHaveURL(/\/logga-in/);
	await expect
		.poll(async () => (await mailsTo(ELIN.email)).map((m) => m.subject).join('\n'))
		.toContain('Din e-postadress i Rödtråd har ändrats');

	// The link is spent; the new address signs in, the old one no longer does.
	await elin.goto(link);
	await expect(elin.getByRole('alert')).toContainText('Länken fungerar inte längre');
	await signIn(elin, NEW_EMAIL, ELIN.password);
	await elin.goto('/konto/uppgifter');
	await expect(elin.getByText(`Du loggar in med ${NEW_EMAIL}.`)).toBeVisible();
	await elin.getByRole('button', { name: 'In English' }).click();
	await expect(elin.getByRole('heading', { level: 1 })).toHaveText('Your details');
	await expectAccessible(elin);
	await elin.getByRole('button', { name: 'På svenska' }).click();
	await elin.context().close();
});

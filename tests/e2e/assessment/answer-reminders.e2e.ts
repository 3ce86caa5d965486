// Covers: the reminder setting on the round form (createRound, updateRound, reminder days) and the round page's reminder
// section (countAnswerReminders). The audit of the change is checked in send-answer-reminders.db.spec.ts.
import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addSchoolUnit, signInAsAdmin, TEST_ORG } from '../helpers';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const inDays = (n: number) => iso(new Date(Date.now() + n * 86_400_000));

test('a round reminds those who have not answered 7 and 2 days before by default; the days can be changed or turned off', async ({
	page
}) => {
	const stamp = Date.now().toString(36);
	const unit = { name: `Påminnelseskolan ${stamp}`, code: `57${String(Date.now()).slice(-6)}` };
	const name = `Påminnelseomgång ${stamp}`;
	await signInAsAdmin(page);
	await addSchoolUnit(page, TEST_ORG.slug, unit);

	await page.goto(`/${TEST_ORG.slug}/skattning/ny`);
	const remind = page.getByLabel('Påminn den som inte har svarat');
	const days = page.getByLabel('När påminnelserna ska gå ut (dagar före sista svarsdagen)');
	await expect(remind).toBeChecked();
	await expect(days).toHaveValue('7, 2');
	await page.getByLabel('Namn på omgången').fill(name);
	await page.getByLabel('Ramverk').selectOption('nationella-strategin@2026.1');
	await page.getByLabel(unit.name, { exact: true }).check();
	await page.getByLabel('Stänger').fill(inDays(30));
	// Days out of range: the message beside the field, everything typed kept, nothing created.
	await days.fill('7, 99');
	await page.getByRole('button', { name: 'Starta omgången' }).click();
	await expect(page.locator('#remindDays-error')).toContainText('Skriv ett eller flera heltal från 0 till 60');
	await expect(page.getByRole('alert')).toContainText('Skriv ett eller flera heltal från 0 till 60');
	await expect(days).toHaveValue('7, 99');
	await expect(page.getByLabel('Namn på omgången')).toHaveValue(name);
	await expect(remind).toBeChecked();
	await expectAccessible(page);

	await days.fill('3 10');
	await page.getByRole('button', { name: 'Starta omgången' }).click();
	await expect(page.getByRole('status')).toHaveText('Omgången är skapad.');
	const section = page.locator('h2#paminnelser + p');
	await expect(section).toHaveText('De som har konto och inte har svarat får ett mejl 10 dagar före, 3 dagar före.');
	await expect(page.getByText('Inga påminnelser har skickats ännu.')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Ändra omgången' }).click();
	await expect(remind).toBeChecked();
	await expect(days).toHaveValue('10, 3');
	await remind.uncheck();
	await page.getByRole('button', { name: 'Spara ändringarna' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade.');
	await expect(section).toContainText('Inga påminnelser skickas i den här omgången.');
});

/**
 * Loaner pools (issue 17, decision 056): central technical support opens the demo's class set at Kvarnbackaskolan,
 * is refused a booking of more devices than are free (beside the field, what was typed kept), books one device for a
 * teacher for today, and hands it out: the booking shows as handed out and the calendar marks the device as out.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const people = planDemo().people;
const CENTRAL = people.find((p) => p.signIn === 'central_technical_support')!;
const TEACHER = people.find(
	(p) =>
		p.assignments.length === 1 && p.assignments[0].role === 'staff' && p.assignments[0].unitKey === 'kvarnbacka' && !p.protectedIdentity
)!;

test('central technical support books a loaner from a pool for a teacher and hands it out', async ({ page }) => {
	test.setTimeout(90_000);
	await signIn(page, CENTRAL.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/utrustning`);
	await page.getByRole('link', { name: 'Lånepooler' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lånepooler');
	await page.getByRole('link', { name: 'Klassuppsättning' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Klassuppsättning');
	await expectAccessible(page);

	const form = page.locator('form[action="?/book"]');
	await form.getByLabel('Låntagare').fill(TEACHER.email);
	await form.getByLabel('Antal').fill('13');
	await form.getByRole('button', { name: 'Boka' }).click();
	await expect(page.locator('#count-error')).toContainText('enheter är lediga hela perioden');
	await expect(form.getByLabel('Låntagare')).toHaveValue(TEACHER.email);
	await expectAccessible(page);

	await form.getByLabel('Antal').fill('1');
	await form.getByLabel('Till vad').fill('E2E-lån');
	await form.getByRole('button', { name: 'Boka' }).click();
	await expect(page.getByRole('status')).toHaveText('Bokningen är gjord.');
	const row = page.getByRole('row').filter({ hasText: 'E2E-lån' }).filter({ hasText: 'Bokad' }).first();
	await row.getByRole('button', { name: 'Lämna ut (1 st)' }).click();
	await expect(page.getByRole('status')).toContainText('Enheterna är utlämnade');
	const out = page.getByRole('row').filter({ hasText: 'E2E-lån' }).filter({ hasText: 'Utlämnad' }).first();
	await expect(out).toContainText(TEACHER.name);
	await expectAccessible(page);
});

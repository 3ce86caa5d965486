/**
 * The one picture's operational figures for sub-goals 1.3 and 2.1 on the demo (issue 20 item 3, decision 068): the
 * organizer's administrator opens the follow-up and sees, for this school year, the guidance held and the seats booked
 * in it beside 1.3, and the devices sent to repair, the days without one and the losses beside 2.1 — numbers from the demo’s
 * guidance and device data, not an empty state.
 */
import { expect, test, type Locator } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const ADMIN = planDemo().people.find((p) => p.signIn?.startsWith('org_admin'))!;

/** The number shown for a figure (by its label) in a sub-goal's section; NaN when it shows none. */
async function figure(section: Locator, label: string): Promise<number> {
	const value = section.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]/strong');
	await expect(value).toBeVisible();
	const text = (await value.innerText()).trim();
	return /\d/.test(text) ? Number(text.replace(/[^\d]/g, '')) : Number.NaN;
}

test('the organizer’s administrator sees guidance beside 1.3 and repairs beside 2.1, in numbers', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, ADMIN.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/uppfoljning`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Strategin och vardagen per delmål');

	const guidance = page.getByRole('region', { name: /^1\.3 / });
	await expect(guidance.getByRole('heading', { level: 3, name: 'Verksamheten' })).toBeVisible();
	await expect(guidance.getByText('Ingen siffra från verksamheten hör till delmålet ännu.')).toHaveCount(0);
	await expect(guidance.getByText('Verksamhetens siffror för delmålet är inte öppna för dig.')).toHaveCount(0);
	const held = await figure(guidance, 'Handledningstillfällen och drop-in som hölls');
	const booked = await figure(guidance, 'Bokade platser på hållna tillfällen');
	expect(held).toBeGreaterThan(0);
	expect(booked).toBeGreaterThan(held);

	const devices = page.getByRole('region', { name: /^2\.1 / });
	await expect(devices.getByRole('heading', { level: 3, name: 'Verksamheten' })).toBeVisible();
	await expect(devices.getByText('Ingen siffra från verksamheten hör till delmålet ännu.')).toHaveCount(0);
	await expect(devices.getByText('Verksamhetens siffror för delmålet är inte öppna för dig.')).toHaveCount(0);
	expect(await figure(devices, 'Enheter skickade på reparation')).toBeGreaterThan(0);
	expect(await figure(devices, 'Dagar utan egen enhet under reparation')).toBeGreaterThanOrEqual(0);
	expect(await figure(devices, 'Enheter anmälda förlorade eller stulna')).toBeGreaterThanOrEqual(0);

	await expectAccessible(page);
});

// Covers: buildDemoNotifications (the demo's sign-ins find notifications about its cases), countUnreadNotifications, findNotifications.
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const people = planDemo().people.filter((p) => p.signIn);
const emailOf = (label: string) => people.find((p) => p.signIn!.startsWith(label))!.email;

test('the technical key person of the demo finds unread and read notifications about the demo’s cases', async ({ page }) => {
	await signIn(page, emailOf('technical_key_person ('), DEMO_PASSWORD);
	const header = page.getByRole('link', { name: /^Aviseringar, \d+ olästa?$/ });
	await expect(header).toBeVisible();
	await header.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aviseringar');
	const items = page.locator('ul.notifications > li');
	const unread = items.filter({ hasText: 'Oläst' });
	expect(await unread.count()).toBeGreaterThanOrEqual(1);
	expect(await items.count()).toBeGreaterThan(await unread.count());
	await expectAccessible(page);
	// Each one leads to a case of the demo.
	await unread.first().getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`/${DEMO_SLUG}/support/\\d+$`));
});

test('the demo teacher has receipts for the cases they filed', async ({ page }) => {
	await signIn(page, emailOf('staff ('), DEMO_PASSWORD);
	await page.goto('/aviseringar');
	await expect(page.locator('ul.notifications > li').first()).toContainText('Vi har tagit emot ditt ärende');
});

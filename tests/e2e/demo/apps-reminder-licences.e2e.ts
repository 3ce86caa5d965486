/**
 * An agreement reaching expiry produces a reminder (issue 18, "How we will know"): the demo's agreements that run out
 * within 60 days were reminded about by the daily job's own function when the demo loaded, so the register's keeper
 * finds the reminder among their notifications — without JavaScript — and follows it to the tool.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const CENTRAL = planDemo().people.find((p) => p.signIn === 'central_technical_support')!;

test('central support finds the reminder about an agreement running out and follows it to the tool', async ({ page, browser }) => {
	const reminderText = 'Personuppgiftsbiträdesavtalet för ”Skrivstöd Plus” går ut';
	const plain = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
	const noJs = await plain.newPage();
	await signIn(noJs, CENTRAL.email, DEMO_PASSWORD);
	await noJs.goto('/aviseringar');
	const reminder = noJs.locator('ul.notifications > li').filter({ hasText: reminderText });
	await expect(reminder).toHaveCount(1);
	await reminder.getByRole('link').first().click();
	await expect(noJs.getByRole('heading', { level: 1 })).toHaveText('Skrivstöd Plus');
	await expect(noJs.getByText('Löper snart ut').first()).toBeVisible();
	expect(noJs.url()).toContain(`/${DEMO_SLUG}/appar/register/`);
	await plain.close();

	// axe runs in a page with JavaScript (it is a script itself).
	await signIn(page, CENTRAL.email, DEMO_PASSWORD);
	await page.goto('/aviseringar');
	await expect(page.locator('ul.notifications > li').filter({ hasText: reminderText })).toHaveCount(1);
	await expectAccessible(page);
});

test('the licence page counts the teacher licences from their holders and compares central and unit purchasing', async ({ page }) => {
	await signIn(page, CENTRAL.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/appar/licenser`);
	const table = page.getByRole('table', { name: 'Licenser, det som löper ut först överst' });
	const teachers = table.getByRole('row').filter({ hasText: 'Skärminspelaren' });
	await expect(teachers).toContainText('23 av 40');
	await expect(teachers).toContainText('Räknat på tilldelade personer');
	const compared = page.getByRole('table', { name: 'Licenspooler som inte har gått ut, köpta centralt och av enheter' });
	await expect(compared.getByRole('row', { name: /^Centralt/ })).toBeVisible();
	await expect(compared.getByRole('row', { name: /^Av enheterna/ })).toBeVisible();
	await expectAccessible(page);
	await teachers.getByRole('link', { name: 'Vem har licenser' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Skärminspelaren');
});

/**
 * One picture of the strategy and daily operations (issue 20, item 3): leadership opens the follow-up, sees each
 * national sub-goal with its self-assessment, plans, effect chains and operational figures side by side, and follows a
 * sub-goal's action to its page in the plan.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const LEADER = planDemo().people.find((p) => p.signIn === 'leadership')!;

test('leadership follows a sub-goal of the one picture to one of its actions', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, LEADER.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/uppfoljning`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Strategin och vardagen per delmål');
	const support = page.getByRole('region', { name: /^2\.2 / });
	for (const side of ['Självskattning', 'Planerna', 'Effektkedjor', 'Verksamheten'])
		await expect(support.getByRole('heading', { level: 3, name: side })).toBeVisible();
	await expect(support.getByRole('link', { name: 'Supportärenden', exact: true })).toBeVisible();
	await expectAccessible(page);

	// 2.2's plan lists its actions by name, each a link to the action in its plan.
	const action = support.locator('a[href*="/planering/aktivitet/"]').first();
	const title = (await action.innerText()).trim();
	await action.click();
	await expect(page).toHaveURL(/\/planering\/aktivitet\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
});

/**
 * From the self-assessment to the plan (issue 13 item 3): leadership turns one of the organizer report's weakest
 * results into an action whose form arrives filled in, with the framework's texts for the sub-goal beside it;
 * the roll-up by sub-goal then no longer lists that unit as a gap; and a conclusion ("Ni sa – vi gör") opens
 * a prepared action too.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';
import { closedDemoRounds } from './demo-rounds';

const LEADER = planDemo().people.find((p) => p.signIn === 'leadership')!;

test('leadership plans for a weak result of the organizer report, and the roll-up closes that gap', async ({ page }) => {
	test.setTimeout(180_000);
	await signIn(page, LEADER.email, DEMO_PASSWORD);
	const [latest] = await closedDemoRounds(page);
	expect(latest).toBeTruthy();
	await page.goto(`${latest}/rapport`);
	const weakest = page.getByRole('region', { name: 'Svagaste resultaten' });
	const link = weakest.getByRole('link', { name: /^Gör till aktivitet\s*: / }).first();
	const [unitName, subGoalId] = (await link.innerText()).replace(/^Gör till aktivitet\s*:\s*/, '').split(/,\s*/);
	await link.click();

	await expect(page).toHaveURL(/\/planering\/ny\?/);
	await expect(page.getByLabel('Vad ska göras?')).toHaveValue(new RegExp(`^${subGoalId.replace('.', '\\.')} `));
	await expect(page.getByLabel('Plan', { exact: true }).locator('option:checked')).toContainText(unitName);
	const guide = page.getByRole('region', { name: 'Vad ramverket säger om delmålet' });
	await guide.getByText(new RegExp(`^${subGoalId.replace('.', '\\.')} `)).click();
	await expect(guide.getByRole('heading', { name: 'Frågor att diskutera' })).toBeVisible();
	await expect(guide.getByRole('listitem').first()).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Lägg till aktiviteten' }).click();
	await expect(page).toHaveURL(/\/planering\/aktivitet\/[0-9a-f-]{36}\?ny$/);
	await expect(page.getByRole('region', { name: 'Vad ramverket säger om delmålet' })).toBeVisible();

	await page.goto(`/${DEMO_SLUG}/planering`);
	await page.getByRole('link', { name: 'Sammanställning per mål och delmål' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Sammanställning per mål och delmål' })).toBeVisible();
	await expect(page.getByRole('table', { name: /^Aktiviteter per delmål/ })).toBeVisible();
	// The unit planned for the sub-goal now, so it is no gap for it any more.
	const gapList = page.getByRole('heading', { level: 3, name: new RegExp(`^${subGoalId.replace('.', '\\.')} `) });
	if (await gapList.count()) await expect(gapList.locator('xpath=following-sibling::ul[1]')).not.toContainText(`${unitName} (`);
	await expectAccessible(page);
});

test('a conclusion of the organizer becomes a prepared action in the organizer plan', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, LEADER.email, DEMO_PASSWORD);
	const rounds = await closedDemoRounds(page);
	// The demo's organizer conclusion belongs to its oldest round.
	await page.goto(`${rounds[rounds.length - 1]}/resultat`);
	const link = page.getByRole('link', { name: /^Gör till aktivitet/ }).last();
	await expect(link).toHaveAttribute('href', /scope=organizer/);
	await link.click();
	await expect(page).toHaveURL(/\/planering\/ny\?/);
	await expect(page.getByLabel('Vad ska göras?')).not.toHaveValue('');
	await expect(page.getByLabel('Hur ska det göras?')).not.toHaveValue('');
	await expect(page.getByLabel('Plan', { exact: true }).locator('option:checked')).toContainText('Huvudmannens plan');
	await expectAccessible(page);
});

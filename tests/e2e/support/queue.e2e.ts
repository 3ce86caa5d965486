import { expect, test } from '@playwright/test';
import { expectAccessible } from '../axe';
import { addSchoolUnit, signInAsAdmin, TEST_ORG } from '../helpers';

const QUEUE = `/${TEST_ORG.slug}/support/ko`;

test('an administrator opens the queue, is told when nothing matches, and filters keep their values', async ({ page }) => {
	await signInAsAdmin(page);
	// Other suites share this server and may have filed cases or put the administrator in a team:
	// the test asks for the tab it wants instead of assuming which one opens first.
	await page.goto(`${QUEUE}?vy=all`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ärendekö');
	await expect(page.getByRole('link', { name: 'Alla jag kan se' })).toHaveAttribute('aria-current', 'page');
	// The queue is served without JavaScript (decision 013): no script reaches the browser.
	await expect(page.locator('script')).toHaveCount(0);
	await expectAccessible(page);

	await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Löst' });
	await page.getByLabel('Supportkedja').selectOption({ label: 'Teknisk support' });
	await page.getByLabel('SLA-status').selectOption({ label: 'Snart försenat' });
	await page.getByLabel('Ordning').selectOption({ label: 'Närmast tidsgräns först' });
	await page.getByRole('button', { name: 'Visa ärenden' }).click();
	await expect(page).toHaveURL(/status=solved/);
	await expect(page.getByLabel('Status', { exact: true })).toHaveValue('solved');
	await expect(page.getByLabel('Supportkedja')).toHaveValue('technical');
	await expect(page.getByLabel('SLA-status')).toHaveValue('at_risk');
	await expect(page.getByLabel('Ordning')).toHaveValue('deadline');
	await expect(page.getByText('Inga ärenden stämmer med sökningen och filtren.')).toBeVisible();
	await expectAccessible(page);

	// Switching tab keeps the filters; clearing them brings back the plain tab.
	await page.getByRole('link', { name: 'Väntar' }).click();
	await expect(page.getByLabel('Status', { exact: true })).toHaveValue('solved');
	await expect(page.getByText('Inga ärenden stämmer med sökningen och filtren.')).toBeVisible();
	await page.getByRole('main').getByRole('link', { name: 'Ta bort sökning och filter' }).first().click();
	await expect(page.getByLabel('Status', { exact: true })).toHaveValue('');
	await expect(page.getByRole('link', { name: 'Väntar' })).toHaveAttribute('aria-current', 'page');
	await expectAccessible(page);
});

test('the unit filter lists a unit whose name holds markup as plain text, and keeps it chosen', async ({ page }) => {
	// The unit and category choices are written as one escaped string each (optionTags, decision 037).
	await signInAsAdmin(page);
	const stamp = String(10_000_000 + (Date.now() % 89_999_999));
	const name = `Köskolan <b>"${stamp}"</b> & co`;
	await addSchoolUnit(page, TEST_ORG.slug, { name, code: stamp });
	await page.goto(`${QUEUE}?vy=all`);
	const units = page.getByLabel('Enhet', { exact: true });
	await units.selectOption({ label: name });
	await page.getByRole('button', { name: 'Visa ärenden' }).click();
	await expect(page).toHaveURL(/enhet=/);
	await expect(units.locator('option:checked')).toHaveText(name);
	await expect(page.locator('#enhet b')).toHaveCount(0);
	await expectAccessible(page);
});

test('a search with quotes, operators and markup does not fail and is kept in the field', async ({ page }) => {
	await signInAsAdmin(page);
	await page.goto(QUEUE);
	const weird = `"projektor' & | ! ( ) :* <script>alert(1)</script> \\ %`;
	await page.getByLabel('Sök i rubrik och beskrivning').fill(weird);
	await page.getByRole('button', { name: 'Visa ärenden' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ärendekö');
	await expect(page.getByLabel('Sök i rubrik och beskrivning')).toHaveValue(weird);
	// The words in it (projektor, script, alert) may match cases other suites filed: a list or the empty state, no error.
	await expect(page.getByText('Inga ärenden stämmer med sökningen och filtren.').or(page.getByRole('table')).first()).toBeVisible();
	await expectAccessible(page);

	// Hand-edited links: an unknown tab, a broken cursor and bad filter values still give a queue.
	const res = await page.goto(`${QUEUE}?vy=x&efter=%%%&linje=9&enhet=1'--&q=%27%22%3A*`);
	expect(res?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ärendekö');
});

test('bulk steps without a ticked case are refused with a message, not an error', async ({ page, baseURL }) => {
	await signInAsAdmin(page);
	for (const action of ['assign', 'close']) {
		const res = await page.request.post(`${QUEUE}?vy=all&/${action}`, {
			form: {},
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(res.status(), action).toBe(400);
		expect(await res.text()).toContain('Bocka i minst ett ärende i listan.');
	}
});

test('the queue filters on filed dates with a removable chip, and says so beside the field when a date cannot be read', async ({
	page
}) => {
	await signInAsAdmin(page);
	await page.goto(`${QUEUE}?vy=all&fran=2026-02-30&till=igar`);
	await expect(page.locator('#fran-error')).toHaveText(/Skriv datumet som ÅÅÅÅ-MM-DD/);
	await expect(page.getByLabel('Inkom från och med')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('link', { name: /^Ta bort filtret Inkom/ })).toHaveCount(0);
	await expectAccessible(page);

	await page.getByLabel('Inkom från och med').fill('2025-07-01');
	await page.getByLabel('Inkom till och med').fill('2026-06-30');
	await page.getByRole('button', { name: 'Visa ärenden' }).click();
	await expect(page).toHaveURL(/fran=2025-07-01&till=2026-06-30/);
	const chip = page.getByRole('link', { name: /^Ta bort filtret Inkom/ });
	await expect(chip).toBeVisible();
	await expect(page.locator('#fran-error')).toHaveCount(0);
	await expectAccessible(page);
	await chip.click();
	await expect(page).not.toHaveURL(/fran=/);
	await expect(page.getByLabel('Inkom från och med')).toHaveValue('');
});

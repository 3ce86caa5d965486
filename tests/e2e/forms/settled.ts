import { expect, type Page } from '@playwright/test';

/**
 * After a click on the submit button of an enhanced form (decision 033): waits until no form on the page is
 * still on its way (`aria-busy`), so the server has answered and the page shows the outcome. A plain submit is
 * a page load that Playwright waits for by itself; an enhanced one is not.
 */
export async function formsSettled(page: Page) {
	await expect(page.locator('form[aria-busy="true"]')).toHaveCount(0);
}

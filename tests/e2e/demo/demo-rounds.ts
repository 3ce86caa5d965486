import type { Page } from '@playwright/test';
import { DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';

/** The demo's closed self-assessment rounds on the signed-in person's round list, newest first, as their paths. */
export async function closedDemoRounds(page: Page): Promise<string[]> {
	await page.goto(`/${DEMO_SLUG}/skattning`);
	const out: string[] = [];
	for (const row of await page
		.getByRole('row')
		.filter({ has: page.locator(`a[href^="/${DEMO_SLUG}/skattning/"]`) })
		.all()) {
		const href = (await row.locator(`a[href^="/${DEMO_SLUG}/skattning/"]`).first().getAttribute('href'))!.replace(/\/$/, '');
		const text = (await row.textContent())!;
		if (/\/skattning\/[0-9a-f-]{36}$/.test(href) && text.includes('Stängd') && text.includes('Självskattning digitalisering'))
			out.push(href);
	}
	return out;
}

/**
 * Classification of a tool's information (issue 18 item 3): central support classifies a tool that handles personal
 * data, is told beside the field that a high level needs its rationale (with the levels kept), and then sees the
 * levels, the requirements that follow and that the tool needs the full review; a tool without personal data at low
 * levels needs only the simplified one; the catalogue page reads well.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

const CENTRAL = planDemo().people.find((p) => p.signIn === 'central_technical_support')!;

test('central support classifies a tool and sees its requirements and whether the simplified review is enough', async ({ page }) => {
	test.setTimeout(90_000);
	await signIn(page, CENTRAL.email, DEMO_PASSWORD);
	await page.goto(`/${DEMO_SLUG}/appar/register?q=Quizm%C3%A4staren`);
	await page.getByRole('link', { name: 'Quizmästaren', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quizmästaren');
	// Classified by an earlier run against the same demo, or not yet.
	await page.getByRole('link', { name: /^(Klassa verktyget|Gör en ny klassning)$/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Klassa Quizmästaren');

	const level = (aspect: string, label: string) => page.getByRole('group', { name: aspect }).getByRole('radio', { name: label });
	await level('Konfidentialitet', '3 – Allvarlig skada').check();
	await level('Riktighet', '1 – Liten skada').check();
	await level('Tillgänglighet', '1 – Liten skada').check();
	await level('Spårbarhet', '1 – Liten skada').check();
	await page.getByLabel('Motivering för konfidentialitet').fill('');
	await page.getByRole('button', { name: 'Spara klassningen' }).click();
	await expect(page.getByRole('alert')).toContainText('Motivera nivån – det krävs från nivå 2');
	await expect(level('Konfidentialitet', '3 – Allvarlig skada')).toBeChecked();
	await expect(level('Spårbarhet', '1 – Liten skada')).toBeChecked();
	await expectAccessible(page);

	await page.getByLabel('Motivering för konfidentialitet').fill('Lärarnas frågor kan avslöja vem som behöver extra stöd.');
	await page.getByRole('button', { name: 'Spara klassningen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quizmästaren');
	await expect(page.getByRole('status')).toHaveText('Klassningen är sparad.');
	const levels = page.getByRole('table', { name: 'Nivåer och motiveringar' });
	await expect(levels.getByRole('row', { name: /^Konfidentialitet/ })).toContainText('3 – Allvarlig skada');
	await expect(levels.getByRole('row', { name: /^Konfidentialitet/ })).toContainText('Lärarnas frågor kan avslöja');
	const section = page.getByRole('region', { name: 'Klassning av informationen' });
	await expect(section).toContainText('Personalen loggar in med tvåstegsverifiering.');
	await expect(section).toContainText('Full granskning behövs');
	await expect(section).toContainText('Konfidentialitet har nivå 3; förenklad granskning tillåter högst nivå 1.');
	await expectAccessible(page);

	await page.goto(`/${DEMO_SLUG}/appar/register?q=Kodlabbet`);
	await page.getByRole('link', { name: 'Kodlabbet', exact: true }).click();
	await expect(page.getByRole('region', { name: 'Klassning av informationen' })).toContainText('Förenklad granskning räcker');
	await page.getByRole('link', { name: 'Kravkatalog och regler för förenklad granskning' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kravkatalog och förenklad granskning');
	await expect(page.getByRole('table', { name: 'Krav efter aspekt och nivå' })).toContainText('Det finns en logg över vem som har läst');
	await expectAccessible(page);
});

/**
 * The foundation's acceptance path: an administrator builds three units, imports 50
 * people with roles, and one of them signs in and sees only what their role allows.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../axe';
import { signIn, signInAsAdmin, TEST_ORG } from '../helpers';
import { nextMailTo, resetLinkIn } from '../mail';

test.describe.configure({ mode: 'serial' });

const ORG = TEST_ORG.slug;
const TEACHER = { name: 'Tova Trådsson', email: 'tova.tradsson@tradby.exempel.se', password: 'tovas eget långa lösenord' };

async function addUnit(page: Page, name: string, kind: string, opts: { parent?: string; code?: string } = {}) {
	await page.goto(`/${ORG}/admin/enheter/ny`);
	await page.getByLabel('Namn', { exact: true }).fill(name);
	await page.getByLabel('Typ av enhet').selectOption(kind);
	if (opts.parent) await page.getByLabel('Ligger under').selectOption({ label: opts.parent });
	if (opts.code) await page.getByLabel('Skolenhetskod').fill(opts.code);
	await page.getByRole('button', { name: 'Lägg till enheten' }).click();
	await expect(page.getByRole('status')).toHaveText('Enheten är tillagd.');
}

function fiftyPeople() {
	const rows = ['namn;e-post;eppn;skyddad identitet;roll;enhet;från;till'];
	rows.push(`${TEACHER.name};${TEACHER.email};;nej;Personal;92000001;;`);
	rows.push('Rut Rektorsdotter;rut.rektor@tradby.exempel.se;;nej;Rektor;92000001;;');
	for (let i = 1; i <= 48; i++) {
		const code = i % 2 ? '92000001' : '92000002';
		rows.push(`Elev ${String(i).padStart(2, '0')} Öhman;elev${i}@tradby.exempel.se;;nej;${i <= 40 ? 'Elev' : 'Personal'};${code};;`);
	}
	return rows.join('\r\n');
}

test('an administrator builds three units and imports fifty people with roles', async ({ page }) => {
	await signInAsAdmin(page);
	await addUnit(page, 'Tråddalens förvaltning', 'forvaltning');
	await addUnit(page, 'Trådbyskolan', 'skolenhet', { parent: 'Tråddalens förvaltning', code: '92000001' });
	await addUnit(page, 'Nålbyskolan', 'skolenhet', { parent: 'Tråddalens förvaltning', code: '92000002' });

	await page.goto(`/${ORG}/admin/import`);
	await page
		.getByLabel('Fil med personer')
		.setInputFiles({ name: 'personal.csv', mimeType: 'text/csv', buffer: Buffer.from(fiftyPeople(), 'utf8') });
	await page.getByRole('button', { name: 'Förhandsgranska personer' }).click();
	await expect(page.getByText('Skapas: 50')).toBeVisible();
	await expect(page.getByText('Med fel: 0')).toBeVisible();
	await page.getByRole('button', { name: 'Importera', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('50 skapades');

	// The imported teacher gets a password the way any new person does: a reset link by mail.
	await page.goto(`/${ORG}/admin/personer?q=${encodeURIComponent('Trådsson')}`);
	await expect(page.getByRole('main').getByRole('link', { name: TEACHER.name })).toBeVisible();
});

test('an imported teacher sets a password from the mailed link and sees only their own school', async ({ page }) => {
	await page.goto('/glomt-losenord');
	await page.getByLabel('E-postadress').fill(TEACHER.email);
	// The link arrives in the teacher's inbox (the e2e mail catcher); the outbox never shows it.
	const mail = await nextMailTo(TEACHER.email, () => page.getByRole('button', { name: 'Skicka länk' }).click());
	const link = resetLinkIn(mail);

	await page.goto(new URL(link!).pathname);
	await page.getByLabel('Nytt lösenord', { exact: true }).fill(TEACHER.password);
	await page.getByLabel('Upprepa det nya lösenordet').fill(TEACHER.password);
	await page.getByRole('button', { name: 'Spara det nya lösenordet' }).click();
	await signIn(page, TEACHER.email, TEACHER.password);

	await expect(page).toHaveURL(new RegExp(`/${ORG}$`));
	const main = page.getByRole('main');
	await expect(main.getByText('Personal', { exact: true })).toBeVisible();
	await expect(main.getByText('Trådbyskolan')).toBeVisible();
	await expect(main.getByText('Nålbyskolan')).toHaveCount(0);
	await expect(main.getByText('Tråddalens förvaltning')).toHaveCount(0);
	await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Enheter' })).toHaveCount(0);
	await expectAccessible(page);

	for (const path of ['admin/enheter', 'admin/personer', 'admin/import', 'admin/logg', 'admin/utkorg']) {
		const res = await page.goto(`/${ORG}/${path}`);
		expect([403, 404], `${path} for a teacher`).toContain(res?.status());
	}
	await expectAccessible(page);
});

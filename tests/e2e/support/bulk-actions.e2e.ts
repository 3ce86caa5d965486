// Covers: assignTicketsTo, setTicketsState, escalateTickets, mergeTicketsInto (the queue's bulk steps, issue 14 item 4, decision 035).
/**
 * On the demo organizer (the whole chain, teams at line 2): a teacher files three cases; central support
 * ticks them in the queue and changes their state, hands them to a person, sends one on to the next line and
 * merges two, each report saying how many cases changed and which could not and why. No JavaScript is needed.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';

test.use({ baseURL: `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 100}` });

const ORG = `/${DEMO_SLUG}`;
const people = planDemo().people.filter((p) => p.signIn);
const personOf = (label: string) => people.find((p) => p.signIn!.startsWith(label))!;
const TEACHER = personOf('staff (');
const CENTRAL = personOf('central_technical_support');
const TAG = `bulk${Date.now().toString(36)}`;

async function as(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, email, DEMO_PASSWORD);
	return page;
}

async function tick(page: Page, numbers: string[]) {
	for (const n of numbers) await page.getByLabel(`Välj ärende ${n}`).check();
}

test('central support changes ticked cases in one step and is told per case what happened', async ({ browser }) => {
	test.setTimeout(180_000);
	const teacher = await as(browser, TEACHER.email);
	const numbers: string[] = [];
	for (const room of ['12', '13', '14']) {
		await teacher.goto(`${ORG}/support/ny`);
		await teacher.getByLabel('Teknisk support').check();
		await teacher.getByLabel('Rubrik').fill(`Skrivaren i sal ${room} drar inte papper ${TAG}`);
		await teacher.getByLabel('Vad har hänt?').fill('Papperet fastnar direkt.');
		await teacher.getByRole('button', { name: 'Skicka ärendet' }).click();
		await expect(teacher).toHaveURL(/\/support\/\d+/);
		numbers.push(teacher.url().match(/\/support\/(\d+)/)![1]);
	}
	const [a, b, c] = numbers;

	const central = await as(browser, CENTRAL.email);
	await central.goto(`${ORG}/support/ko?vy=all&q=${TAG}`);
	await expect(central.getByRole('row')).toHaveCount(4);
	await expectAccessible(central);

	// Nothing ticked: a message, not an error.
	await central.getByRole('button', { name: 'Ändra status' }).click();
	await expect(central.getByRole('alert')).toContainText('Bocka i minst ett ärende i listan.');

	// Change state of two, by keyboard-reachable plain controls.
	await tick(central, [a, b]);
	await central.getByLabel('Ny status').selectOption({ label: 'Väntar på leverantör' });
	await central.getByRole('button', { name: 'Ändra status' }).click();
	await expect(central.getByRole('status')).toContainText(`Status ändrades för 2 ärenden: #${a}, #${b}.`);
	await expectAccessible(central);

	// Hand all three to one person.
	await tick(central, [a, b, c]);
	await central.getByLabel('Handläggare').selectOption({ label: CENTRAL.name });
	await central.getByRole('button', { name: 'Tilldela', exact: true }).click();
	await expect(central.getByRole('status')).toContainText(`3 ärenden fick ny handläggare: #${a}, #${b}, #${c}.`);

	// Send one on to a line-2 technical team, with a reason the requester sees.
	await tick(central, [c]);
	const team = await central.locator('#teamId option', { hasText: 'Andra linjen, Teknisk support' }).first().getAttribute('value');
	await central.getByLabel('Skicka till team på nästa linje').selectOption(team!);
	await central.getByLabel('Skäl (visas för anmälaren)').fill('Skrivaren behöver en tekniker på plats.');
	await central.getByRole('button', { name: 'Skicka vidare' }).click();
	await expect(central.getByRole('status')).toContainText(`1 ärende skickades till nästa linje: #${c}.`);

	// Merge b into a; then b, now closed, cannot change state: one case reported with the reason.
	await tick(central, [a, b]);
	await central.getByLabel('Slå ihop med ärende nummer').fill(a);
	await central.getByRole('button', { name: 'Slå ihop' }).click();
	await expect(central.getByRole('status')).toContainText(`1 ärende slogs ihop med #${a}: #${b}.`);
	await tick(central, [a, b]);
	await central.getByLabel('Ny status').selectOption({ label: 'Pågår' });
	await central.getByRole('button', { name: 'Ändra status' }).click();
	await expect(central.getByRole('status')).toContainText(`Status ändrades för 1 ärende: #${a}.`);
	await expect(central.getByRole('status')).toContainText('1 ärende kunde inte ändras:');
	await expect(central.getByRole('status').getByRole('listitem')).toHaveText(new RegExp(`^#${b}: `));
	await expectAccessible(central);

	// The teacher sees the merge on the duplicate's page.
	await teacher.goto(`${ORG}/support/${b}`);
	await expect(teacher.getByText(`slog ihop ärendet med ärende ${a}`)).toBeVisible();
});

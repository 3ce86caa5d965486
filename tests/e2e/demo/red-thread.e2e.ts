/**
 * The red thread of issue 13, end to end on the demo: a principal turns a suggestion of the unit report into an
 * action owned by leadership and due yesterday, and follows it with an effect chain whose indicator Rödtråd computes
 * from the self-assessment and tells whether it moved between the demo's rounds; the owner gets the reminder;
 * leadership finds the action in the plan report and the roll-up; and the IT-råd's next meeting carries the
 * overdue action on its agenda.
 */
import { expect, test } from '@playwright/test';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { expectAccessible } from '../axe';
import { DEMO_PASSWORD, signIn } from '../helpers';
import { nextMailTo } from '../mail';
import { closedDemoRounds } from './demo-rounds';

const people = planDemo().people;
const PRINCIPAL = people.find((p) => p.signIn?.startsWith('principal'))!;
const LEADER = people.find((p) => p.signIn === 'leadership')!;
const RUN = Date.now().toString(36);
const TITLE = `Röda tråden ${RUN}`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('from a unit report to an owned, reminded, rolled-up action that the IT-råd carries while it is overdue', async ({ browser }) => {
	test.setTimeout(240_000);
	const principal = await (await browser.newContext()).newPage();
	await signIn(principal, PRINCIPAL.email, DEMO_PASSWORD);
	const [latest] = await closedDemoRounds(principal);
	await principal.goto(latest);
	await principal
		.getByRole('link', { name: /^Enhetsrapport för / })
		.first()
		.click();
	await principal
		.getByRole('link', { name: /^Gör till aktivitet/ })
		.first()
		.click();
	await expect(principal).toHaveURL(/\/planering\/ny\?/);
	const subGoalId = new URL(principal.url()).searchParams.get('links')!.split(':')[1];
	const unitName = (await principal.getByLabel('Plan', { exact: true }).locator('option:checked').innerText()).trim();
	await principal.getByLabel('Vad ska göras?').fill(TITLE);
	await principal.getByLabel('Klart senast').fill(day(-1));
	await principal.getByLabel('Ansvarig', { exact: true }).selectOption({ label: LEADER.name });
	await principal.getByRole('button', { name: 'Lägg till aktiviteten' }).click();
	await expect(principal.getByRole('heading', { level: 1 })).toHaveText(TITLE);

	// An effect chain for the unit: the effect's indicator is the staff's mean level in the action's sub-goal.
	await principal.goto(`/${DEMO_SLUG}/planering/effektkedjor/ny`);
	const scope = principal.getByLabel('Gäller');
	await scope.selectOption((await scope.locator('option', { hasText: unitName }).first().getAttribute('value'))!);
	await principal.getByLabel('Namn på kedjan').fill(`Kedja ${RUN}`);
	await principal.getByLabel(/^Effekt: vad ska bli annorlunda/).fill(`Effekt ${RUN}`);
	await principal.getByRole('button', { name: 'Skapa effektkedjan' }).click();
	await expect(principal.getByRole('heading', { level: 1 })).toHaveText(`Kedja ${RUN}`);
	await principal
		.getByLabel('Steg', { exact: true })
		.first()
		.selectOption({ label: `Effekt: Effekt ${RUN}` });
	const actionSelect = principal.getByLabel('Aktivitet', { exact: true });
	await actionSelect.selectOption((await actionSelect.locator('option', { hasText: TITLE }).getAttribute('value'))!);
	await principal.getByRole('button', { name: 'Koppla aktiviteten' }).click();
	await expect(principal.getByRole('status')).toHaveText('Ändringen är sparad.');
	const form = principal.locator('form[action="?/indicator"]');
	await form.getByLabel('Steg', { exact: true }).selectOption({ label: `Effekt: Effekt ${RUN}` });
	await form.getByLabel('Namn på indikatorn').fill(`Enhetens nivå ${RUN}`);
	await form.getByLabel('Vad mäts?').selectOption('assessment_mean');
	await form.getByLabel(/^Delmål eller påstående/).selectOption(`nationella-strategin:${subGoalId}`);
	// All groups together: a unit's pooled value is shown where one group alone is too few (decision 028).
	await form.getByLabel(/^Grupp som svarar/).selectOption('');
	await form.getByLabel('Utgångsläge, värde').fill('2');
	await form.getByLabel('Utgångsläge, datum').fill(day(-30));
	await form.getByLabel('Mål, värde').fill('3');
	await form.getByLabel('Mål, datum').fill(day(300));
	await form.getByRole('button', { name: 'Lägg till indikatorn' }).click();
	await expect(principal.getByRole('status')).toHaveText('Ändringen är sparad.');
	const row = principal
		.getByRole('table', { name: 'Effektkedjans steg med aktiviteter och indikatorer' })
		.getByRole('row')
		.filter({ hasText: `Enhetens nivå ${RUN}` });
	// Two closed rounds in the demo: the indicator says whether it moved, not that there is too little to tell.
	await expect(row).toContainText(/rörde sig/);
	await expect(row).not.toContainText('för lite underlag');
	await expectAccessible(principal);

	// The owner's reminder: the action is past its date.
	const leader = await (await browser.newContext()).newPage();
	await signIn(leader, LEADER.email, DEMO_PASSWORD);
	await leader.goto(`/${DEMO_SLUG}/planering/paminnelser`);
	const mail = await nextMailTo(
		LEADER.email,
		() => leader.getByRole('button', { name: 'Skicka aktuella påminnelser' }).click(),
		(m) => m.subject.includes(TITLE)
	);
	expect(mail.text).toContain('/planering/aktivitet/');

	// Leadership sees it in the plan report and in the roll-up by sub-goal.
	await leader.goto(`/${DEMO_SLUG}/planering/rapport`);
	await expect(leader.getByRole('link', { name: TITLE })).toBeVisible();
	await expectAccessible(leader);
	await leader.goto(`/${DEMO_SLUG}/planering/sammanstallning`);
	const subGoalRow = leader
		.getByRole('table', { name: /^Aktiviteter per delmål/ })
		.getByRole('row')
		.filter({ has: leader.getByRole('rowheader', { name: new RegExp(`^${subGoalId.replace('.', '\\.')} `) }) });
	await expect(subGoalRow).not.toContainText('Ingen planerar för delmålet');

	// The IT-råd's next meeting carries the overdue action of its member.
	await leader.goto(`/${DEMO_SLUG}/planering/forum`);
	await leader.getByRole('link', { name: 'IT-råd', exact: true }).click();
	await leader.getByLabel('Datum').fill(day(7));
	await leader.getByLabel('Klockan').fill('15:00');
	await leader.getByLabel('Plats').fill('Stadshuset');
	await leader.getByLabel('Dagordning').fill(`Uppföljning ${RUN}`);
	await leader.getByRole('button', { name: 'Kalla till mötet' }).click();
	await expect(leader.getByRole('status')).toHaveText('Mötet är inlagt.');
	const carried = leader.getByRole('heading', { level: 3 }).filter({ has: leader.getByRole('link', { name: TITLE }) });
	await expect(carried).toContainText('Försenad aktivitet');
	await expectAccessible(leader);
});

/**
 * Every route × every role, on the demo server: each answer must be exactly what the
 * policies module says. Routes are read from src/routes, so a new page is checked
 * (or fails as unclassified) without anyone remembering to add it here. Beside the demo's roles: a second
 * organizer's administrator, a supplier who reaches the demo organizer only through a team that serves it,
 * and — on every person route and action — people shared by the two organizers (decision 018).
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { can, type Actor } from '../../../src/lib/server/policies';
import { planDemo, DEMO_SLUG } from '../../../src/lib/server/demo/plan-demo';
import { DEMO_PASSWORD } from '../helpers';
import { listRoutes, ruleFor, urlFor, type Rule } from './routes';
import { BRIDGE, OTHER_ADMIN, SERVED, SHARED, SOLE, requestAs, setUpSecondOrganizer, type SecondOrganizer } from './second-organizer';

test.describe.configure({ mode: 'serial' });

const ORG = 'exempel';
const OTHER = 'grannby';

/** The unit the unit-level routes are checked on (the demo's sign-in school), with its real id and ancestors. */
const UNIT_KEY = 'solbacka';
const UNIT = { id: '', ancestorIds: [] as string[] };
/** Demo unit key → real id, filled from the administrator's unit list. */
const unitIds = new Map<string, string>();

type Persona = { label: string; email: string | null; password: string; actor: Actor | null };

/** The demo's sign-ins as personas, each with the actor the policies would see. */
function personas(): Persona[] {
	const signIns = planDemo().people.filter((p) => p.signIn);
	const list: Persona[] = signIns.map((p, i) => ({
		label: p.signIn!,
		email: p.email,
		password: DEMO_PASSWORD,
		actor: {
			personId: `p${i}`,
			name: p.name,
			assignments: [
				...p.assignments.map((a) => ({ organizerId: ORG, unitId: a.unitKey && (unitIds.get(a.unitKey) ?? a.unitKey), role: a.role })),
				// The first organization administrator of the demo is also the system administrator.
				...(p.signIn === 'org_admin' ? [{ organizerId: null, unitId: null, role: 'system_admin' as const }] : [])
			]
		}
	}));
	list.push({
		label: 'admin of another organizer',
		...OTHER_ADMIN,
		actor: { personId: 'x', name: 'X', assignments: [{ organizerId: OTHER, unitId: null, role: 'org_admin' }] }
	});
	// No role at the demo organizer (nor anywhere): only the team that serves it.
	list.push({
		label: 'supplier reached only through a served team',
		...SERVED,
		actor: { personId: 't', name: SERVED.name, assignments: [], teamIds: ['team'], servedOrganizerIds: [OTHER, ORG] }
	});
	list.push({ label: 'anonymous', email: null, password: '', actor: null });
	return list;
}

/** Whether the persona may use the route; 'depends' when it turns on unit-level rights the matrix cannot see. */
function allowed(rule: Rule, actor: Actor | null): boolean | 'depends' {
	switch (rule.kind) {
		case 'unit':
			return can(actor, rule.action, { type: 'unit', organizerId: ORG, unitId: UNIT.id, ancestorIds: UNIT.ancestorIds });
		case 'link':
		case 'bearer':
			return false;
		case 'unit-member':
			return can(actor, 'organizer.view', { type: 'organizer', organizerId: ORG }) ? 'depends' : false;
		case 'public':
			return true;
		case 'signed-in':
			return actor !== null;
		case 'instance':
			return can(actor, 'instance.administer', { type: 'instance' });
		case 'organizer':
			return can(actor, rule.action, { type: 'organizer', organizerId: ORG });
		case 'support':
			return can(actor, rule.action, { type: 'support', organizerId: ORG, unitId: null, ancestorIds: [] });
		case 'plan':
			return can(actor, rule.action, { type: 'plan', organizerId: ORG, unitId: null, ancestorIds: [] });
		case 'knowledge':
			return can(actor, rule.action, { type: 'knowledge', organizerId: ORG });
		case 'apps':
			return can(actor, rule.action, { type: 'apps', organizerId: ORG });
		case 'public-content':
			return 'depends';
	}
}

/** Ids for the route parameters, found by looking around as the demo's organization administrator. */
async function findParams(request: APIRequestContext, baseURL: string): Promise<Record<string, string>> {
	const params: Record<string, string> = { org: DEMO_SLUG, token: 'ogiltig-token-finns-inte', perspective: 'ledning', subGoalId: '1.1' };
	const scrape = async (list: string, segment: string, key: string) => {
		const html = await (await request.get(`/${DEMO_SLUG}/admin/${list}`)).text();
		const id = html.match(new RegExp(`/${DEMO_SLUG}/admin/${segment}/([0-9a-f][0-9a-f-]*)["?]`))?.[1];
		if (id) params[key] = id;
	};
	// A reset request puts a mail in the organizer's outbox, so there is one to open.
	await request.post(`${baseURL}/glomt-losenord`, { form: { email: planDemo().people[0].email }, headers: { origin: baseURL } });
	// Real ids of the demo units, by name, so unit-level rights can be checked with the real tree.
	const unitsHtml = await (await request.get(`/${DEMO_SLUG}/admin/enheter`)).text();
	const idByName = new Map(
		[...unitsHtml.matchAll(/\/admin\/enheter\/([0-9a-f-]{36})"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[2].trim(), m[1]])
	);
	const planUnits = planDemo().units;
	for (const u of planUnits) if (idByName.has(u.name)) unitIds.set(u.key, idByName.get(u.name)!);
	const byKey = new Map(planUnits.map((u) => [u.key, u]));
	UNIT.id = unitIds.get(UNIT_KEY) ?? '';
	for (let k = byKey.get(UNIT_KEY)?.parentKey; k; k = byKey.get(k)?.parentKey) UNIT.ancestorIds.push(unitIds.get(k) ?? k);
	expect(UNIT.id, 'the demo school unit is in the unit list').not.toBe('');
	params.unitId = UNIT.id;
	await scrape('personer', 'personer', 'personId');
	await scrape('utkorg', 'utkorg', 'mailId');
	// An uploaded file waits for confirmation at /admin/import/<batchId>.
	const uploaded = await request.post(`/${DEMO_SLUG}/admin/import?/units`, {
		multipart: { file: { name: 'matris.csv', mimeType: 'text/csv', buffer: Buffer.from('namn;typ\nMatrisskolan;skola\n') } },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	const batchId = uploaded.headers()['location']?.match(/\/import\/([0-9a-f-]+)$/)?.[1];
	if (batchId) params.batchId = batchId;
	const rounds = await (await request.get(`/${DEMO_SLUG}/skattning`)).text();
	const roundId = rounds.match(new RegExp(`/${DEMO_SLUG}/skattning/([0-9a-f][0-9a-f-]{35})"`))?.[1];
	if (roundId) params.roundId = roundId;
	// Surveys (decision 059): the demo's pulse and support-quality rounds are in the list.
	const surveyList = await (await request.get(`/${DEMO_SLUG}/uppfoljning/enkater`)).text();
	const surveyId = surveyList.match(new RegExp(`/${DEMO_SLUG}/uppfoljning/enkater/([0-9a-f][0-9a-f-]{35})"`))?.[1];
	if (surveyId) params.surveyId = surveyId;
	// Support: case 1 exists once the demo has cases; made-up ids must give 404, never 500.
	params.number = '1';
	params.attachmentId = '00000000-0000-4000-8000-000000000000';
	// Planning: the demo has no plans yet, so the administrator plans an action at the unit, owned by Brita.
	const planned = await request.post(`/${DEMO_SLUG}/planering/ny?/create`, {
		form: {
			scope: UNIT.id,
			title: 'Matrisens aktivitet',
			how: '',
			startsOn: '',
			dueOn: '',
			responsibleId: second.bridgeId,
			followUp: '',
			effect: '',
			hours: '',
			moneySek: '',
			supportCategoryId: ''
		},
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	params.actionId = planned.headers()['location']?.match(/\/aktivitet\/([0-9a-f-]{36})/)?.[1] ?? '';
	expect(params.actionId, 'the planned action').not.toBe('');
	const actionPage = await (await request.get(`/${DEMO_SLUG}/planering/aktivitet/${params.actionId}`)).text();
	params.planId = actionPage.match(new RegExp(`/${DEMO_SLUG}/planering/([0-9a-f][0-9a-f-]{35})"`))?.[1] ?? '';
	expect(params.planId, 'the unit plan, linked from its action').not.toBe('');
	// The demo's strategic goals and concepts, to open their edit pages ("ny" when there are none).
	const vision = await (await request.get(`/${DEMO_SLUG}/planering/vision`)).text();
	params.goalId = vision.match(/\/planering\/vision\/mal\/([0-9a-f-]{36})"/)?.[1] ?? 'ny';
	const framework = await (await request.get(`/${DEMO_SLUG}/planering/ramverk`)).text();
	params.conceptId = framework.match(/\/planering\/ramverk\/begrepp\/([0-9a-f-]{36})"/)?.[1] ?? 'ny';
	// Forums: the demo's IT-råd and one of its meetings.
	const forums = await (await request.get(`/${DEMO_SLUG}/planering/forum`)).text();
	params.forumId = forums.match(new RegExp(`/${DEMO_SLUG}/planering/forum/([0-9a-f][0-9a-f-]{35})"`))?.[1] ?? '';
	expect(params.forumId, "the demo's forum").not.toBe('');
	const forumPage = await (await request.get(`/${DEMO_SLUG}/planering/forum/${params.forumId}`)).text();
	params.meetingId = forumPage.match(/\/mote\/([0-9a-f-]{36})"/)?.[1] ?? '';
	expect(params.meetingId, "a meeting of the demo's forum").not.toBe('');
	// Cycles: the demo has a completed one (build-demo-cycles.ts).
	const cycles = await (await request.get(`/${DEMO_SLUG}/planering/cykler`)).text();
	params.cycleId = cycles.match(new RegExp(`/${DEMO_SLUG}/planering/cykler/([0-9a-f][0-9a-f-]{35})"`))?.[1] ?? '';
	expect(params.cycleId, 'the demo cycle').not.toBe('');
	// Effect chains: the demo's first chain, and one of its steps and indicators (edit links on the chain page).
	const chains = await (await request.get(`/${DEMO_SLUG}/planering/effektkedjor`)).text();
	params.chainId = chains.match(new RegExp(`/${DEMO_SLUG}/planering/effektkedjor/([0-9a-f][0-9a-f-]{35})"`))?.[1] ?? '';
	expect(params.chainId, 'a demo effect chain').not.toBe('');
	const chain = await (await request.get(`/${DEMO_SLUG}/planering/effektkedjor/${params.chainId}`)).text();
	for (const [key, segment] of [
		['stepId', 'steg'],
		['indicatorId', 'indikator']
	] as const)
		params[key] = chain.match(new RegExp(`/effektkedjor/${params.chainId}/${segment}/([0-9a-f][0-9a-f-]{35})"`))?.[1] ?? '';
	// Self-help: the administrator publishes an article for everyone, so every reader opens the same one.
	const written = await request.post(`/${DEMO_SLUG}/hjalp/ny?/create`, {
		form: {
			title: 'Matrisens artikel',
			slug: `matris-${Date.now().toString(36)}`,
			body: 'Så här gör du.',
			audience: 'everyone',
			status: 'published'
		},
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	params.slug = written.headers()['location']?.match(/\/hjalp\/([a-z0-9-]+)\?/)?.[1] ?? '';
	expect(params.slug, 'the self-help article').not.toBe('');
	params.fileId = '00000000-0000-4000-8000-000000000000';
	// A public article of the demo, if it has one (the articles come from src/lib/server/demo/knowledge/articles).
	const publicArticles = await (await request.get(`/hjalp/${DEMO_SLUG}`)).text();
	params.slug ??= publicArticles.match(new RegExp(`/hjalp/${DEMO_SLUG}/([^"/]+)"`))?.[1] ?? 'finns-inte';
	// Colleague questions: one of the demo's (build-demo-questions.ts), open to every member who takes part.
	const questions = await (await request.get(`/${DEMO_SLUG}/fragor`)).text();
	params.questionId = questions.match(new RegExp(`/${DEMO_SLUG}/fragor/([0-9a-f][0-9a-f-]{35})"`))?.[1] ?? '';
	expect(params.questionId, 'a demo question').not.toBe('');
	// Guidance: one of the demo's times (build-demo-guidance.ts); who booked it and its calendar turn on the person.
	const guidance = await (await request.get(`/${DEMO_SLUG}/handledning`)).text();
	params.id = guidance.match(new RegExp(`/${DEMO_SLUG}/handledning/([0-9a-f][0-9a-f-]{35})"`))?.[1] ?? '';
	expect(params.id, 'a demo guidance time').not.toBe('');
	// Digital tools: one of the demo's register (build-demo-apps.ts).
	const register = await (await request.get(`/${DEMO_SLUG}/appar/register`)).text();
	params.toolId = register.match(new RegExp(`/${DEMO_SLUG}/appar/register/([0-9a-f][0-9a-f-]{35})"`))?.[1] ?? '';
	expect(params.toolId, 'a tool of the demo register').not.toBe('');
	// A licence pool of the demo (decision 057: who holds its licences).
	const licences = await (await request.get(`/${DEMO_SLUG}/appar/licenser`)).text();
	params.licencePoolId = licences.match(new RegExp(`/${DEMO_SLUG}/appar/licenser/([0-9a-f][0-9a-f-]{35})"`))?.[1] ?? '';
	expect(params.licencePoolId, 'a licence pool of the demo').not.toBe('');
	// A request for a new tool (decision 047): the administrator files one, and opens it from the list of requests.
	await request.post(`/${DEMO_SLUG}/appar/begar?/file`, {
		form: {
			name: 'Matrisens verktyg',
			purpose: 'Att pröva behörigheterna.',
			dataDescription: 'Inga.',
			chain: 'pedagogical',
			unitId: UNIT.id
		},
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	const requests = await (await request.get(`/${DEMO_SLUG}/appar/begaranden`)).text();
	params.requestId = requests.match(new RegExp(`/${DEMO_SLUG}/appar/begaranden/([0-9a-f][0-9a-f-]{35})"`))?.[1] ?? '';
	expect(params.requestId, 'a request for a new tool').not.toBe('');
	// Courses (decision 058): the administrator adds one to the catalog and opens it from the redirect.
	const course = await request.post(`/${DEMO_SLUG}/kompetens/kurser/ny?/save`, {
		form: { kind: 'short', title: 'Matrisens kurs', parts: 'uppgift: Pröva behörigheterna.' },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	params.courseId = course.headers()['location']?.match(/\/kurser\/([0-9a-f-]{36})/)?.[1] ?? '';
	expect(params.courseId, 'a course of the catalog').not.toBe('');
	// Capacity: one of the demo's allotments (build-demo-capacity.ts), listed for the administrator.
	const capacity = await (await request.get(`/${DEMO_SLUG}/kapacitet`)).text();
	params.assignmentId = capacity.match(new RegExp(`/${DEMO_SLUG}/kapacitet/([0-9a-f][0-9a-f-]{35})"`))?.[1] ?? '';
	expect(params.assignmentId, 'a demo allotment').not.toBe('');
	// Devices: one of the demo's (build-demo-devices.ts), listed for the administrator.
	const devices = await (await request.get(`/${DEMO_SLUG}/utrustning`)).text();
	params.deviceId = devices.match(new RegExp(`/${DEMO_SLUG}/utrustning/([0-9a-f][0-9a-f-]{35})"`))?.[1] ?? '';
	expect(params.deviceId, 'a demo device').not.toBe('');
	// A return photo (decision 071): the demo has none, so an id nobody has — refused to all, the rule still checked.
	params.photoId = '00000000-0000-4000-8000-000000000071';
	// Loaner pools (decision 056): the demo's class set, listed for the administrator.
	const pools = await (await request.get(`/${DEMO_SLUG}/utrustning/lanepooler`)).text();
	params.poolId = pools.match(new RegExp(`/${DEMO_SLUG}/utrustning/lanepooler/([0-9a-f][0-9a-f-]{35})"`))?.[1] ?? '';
	expect(params.poolId, 'a demo loaner pool').not.toBe('');
	// Single sign-on: the administrator adds a provider (nothing is fetched until someone signs in through it; its
	// issuer is a closed port here, so starting a sign-in fails at once and goes back to the sign-in page).
	const provider = await request.post(`/${DEMO_SLUG}/admin/inloggning/ny?/create`, {
		form: { kind: 'generic', displayName: 'Matrisens konto', issuer: 'http://127.0.0.1:9', clientId: 'matris' },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	params.providerId = provider.headers()['location']?.match(/\/inloggning\/([0-9a-f-]{36})/)?.[1] ?? '';
	expect(params.providerId, 'an identity provider').not.toBe('');
	const support = await (await request.get(`/${DEMO_SLUG}/admin/support`)).text();
	for (const [key, segment] of [
		['teamId', 'team'],
		['categoryId', 'kategori']
	] as const) {
		const id = support.match(new RegExp(`/${DEMO_SLUG}/admin/support/${segment}/([0-9a-f][0-9a-f-]{35})"`))?.[1];
		if (id) params[key] = id;
	}
	// A board report of the demo (issue 20, item 4), from the list of generated reports.
	const boardReports = await (await request.get(`/${DEMO_SLUG}/uppfoljning/namndrapport`)).text();
	params.reportId = boardReports.match(new RegExp(`/${DEMO_SLUG}/uppfoljning/namndrapport/([0-9a-f][0-9a-f-]{35})"`))?.[1] ?? '';
	expect(params.reportId, 'a demo board report').not.toBe('');
	return params;
}

let second: SecondOrganizer;

test('every route answers every role exactly as the policies say', async ({ browser, baseURL }) => {
	// Two lanes share the machine and the matrix grows with every route: 10 minutes, not 5.
	test.setTimeout(600_000);
	let all = personas();
	const admin = await requestAs(browser, all[0]);
	expect(all[0].label).toBe('org_admin');

	// A second organizer, created by the system administrator, with an administrator and people of its own.
	second = await setUpSecondOrganizer(browser, { request: admin, baseURL: baseURL! }, DEMO_SLUG);

	const params = await findParams(admin, baseURL!);
	all = personas(); // again, now with the real unit ids
	const routes = listRoutes();
	const unclassified = routes.filter((r) => !ruleFor(r.id)).map((r) => r.id);
	expect(unclassified, 'routes without an access rule in tests/e2e/security/routes.ts').toEqual([]);

	const problems: string[] = [];
	for (const persona of all) {
		const request = persona === all[0] ? admin : await requestAs(browser, persona);
		for (const route of routes) {
			const url = urlFor(route.id, params);
			if (!url) {
				problems.push(`no parameter values for ${route.id}`);
				continue;
			}
			const rule = ruleFor(route.id)!;
			const mayUse = allowed(rule, persona.actor);
			const res = await request.get(url, { maxRedirects: 0, headers: { accept: 'text/html' } });
			const status = res.status();
			const location = res.headers()['location'] ?? '';
			const refused =
				status === 403 ||
				status === 404 ||
				// The API answers 401 without a token, and 405 to a GET of an operation that only takes POST.
				((status === 401 || status === 405) && rule.kind === 'bearer') ||
				(status === 303 && location.startsWith('/logga-in') && rule.kind !== 'public');
			// /healthz answers 503 while the server is too busy to answer its database within 3 s (decision 017): a
			// state of the server, the same for everyone, not a refusal.
			const busy = route.id === '/healthz' && status === 503;
			if (status >= 500 && !busy) problems.push(`${persona.label} GET ${url}: ${status}`);
			else if (busy) continue;
			else if (mayUse === 'depends') continue;
			else if (mayUse && refused) problems.push(`${persona.label} GET ${url}: refused (${status}) but the policies allow it`);
			else if (!mayUse && !refused) problems.push(`${persona.label} GET ${url}: ${status} but the policies refuse it`);

			// Form actions of protected routes: someone refused must not get past the check.
			if (!mayUse && rule.kind !== 'public') {
				for (const action of route.actions) {
					const target = action === 'default' ? url : `${url}?/${action}`;
					const post = await request.post(target, { form: {}, maxRedirects: 0, headers: { origin: baseURL!, accept: 'text/html' } });
					const s = post.status();
					const loc = post.headers()['location'] ?? '';
					const ok = s === 403 || s === 404 || (s === 303 && loc.startsWith('/logga-in'));
					if (!ok) problems.push(`${persona.label} POST ${target}: ${s} but the policies refuse it`);
				}
			}
		}
	}
	expect(problems).toEqual([]);
});

test('on people shared by two organizers, each administrator manages only the membership; the identity follows the policies', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(240_000);
	const demo = personas();
	const sys = demo[0];
	const leadership = demo.find((p) => p.label === 'leadership')!;
	const other = demo.find((p) => p.label === 'admin of another organizer')!;
	const served = demo.find((p) => p.email === SERVED.email)!;
	const bridge: Persona = {
		label: 'administrator of both organizers',
		...BRIDGE,
		actor: {
			personId: 'b',
			name: BRIDGE.name,
			assignments: [ORG, OTHER].map((organizerId) => ({ organizerId, unitId: null, role: 'org_admin' as const }))
		}
	};
	/** organizer key (as the policies see it) → slug in URLs */
	const slugs: Record<string, string> = { [ORG]: DEMO_SLUG, [OTHER]: second.slug };
	const targets = [
		{ ...SHARED, id: second.sharedId, organizers: [OTHER, ORG] },
		{ ...SOLE, id: second.soleId, organizers: [OTHER] }
	];
	const origin = { origin: baseURL!, accept: 'text/html' };
	const refused = (status: number, location: string) =>
		status === 403 || status === 404 || (status === 303 && location.startsWith('/logga-in'));

	const problems: string[] = [];
	const seen = new Set<string>();
	for (const persona of [sys, other, bridge, leadership, served]) {
		const request = await requestAs(browser, persona);
		for (const target of targets) {
			const identity = { type: 'identity' as const, personId: target.id, organizerIds: target.organizers, systemAdmin: false };
			for (const [key, slug] of Object.entries(slugs)) {
				const page = `/${slug}/admin/personer/${target.id}`;
				const mayOpen = can(persona.actor, 'person.manage', { type: 'organizer', organizerId: key }) && target.organizers.includes(key);
				const mayChange = mayOpen && can(persona.actor, 'identity.manage', identity);
				seen.add(mayChange ? 'done' : mayOpen ? '400' : 'refused');
				const say = (what: string, got: number) =>
					problems.push(
						`${persona.label} ${what} ${target.name} in ${slug}: ${got}, expected ${mayChange ? 'done' : mayOpen ? '400' : 'refused'}`
					);

				const got = await request.get(page, { maxRedirects: 0, headers: { accept: 'text/html' } });
				if (mayOpen ? got.status() !== 200 : !refused(got.status(), got.headers()['location'] ?? '')) say('opens', got.status());

				// Changing the identity: a new name (then back), and deactivation (then back).
				const send = (action: string, form: Record<string, string>) =>
					request.post(`${page}?/${action}`, { form, headers: origin, maxRedirects: 0 });
				const identityFields = { email: target.email, eppn: '', protectedIdentity: '' };
				for (const [action, undo, form] of [
					['update', 'update', { name: `${target.name} (ändrad)`, ...identityFields }],
					['deactivate', 'reactivate', {}]
				] as const) {
					const res = await send(action, form);
					const s = res.status();
					const ok = mayChange ? s === 303 : mayOpen ? s === 400 : refused(s, res.headers()['location'] ?? '');
					if (!ok) say(action, s);
					if (s === 303) expect((await send(undo, action === 'update' ? { name: target.name, ...identityFields } : {})).status()).toBe(303);
				}
			}
		}
		await request.dispose();
	}
	expect(problems).toEqual([]);
	// Every outcome was tried: a change that is allowed, a shared identity refused on the form, a page refused.
	expect([...seen].sort()).toEqual(['400', 'done', 'refused']);

	// Nothing stuck: the shared person is as the second organizer made her, active, in both organizers.
	const admin = await requestAs(browser, sys);
	const html = await (await admin.get(`/${DEMO_SLUG}/admin/personer/${second.sharedId}`)).text();
	expect(html).toContain(SHARED.email);
	expect(html).not.toContain('(ändrad)');
	expect(html).not.toContain('Aktivera igen');
});

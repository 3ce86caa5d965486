/**
 * A stateful SS 12000 2.1 server for the tests and the bench (decision 051), on plain node:http: organisations,
 * persons, duties and groups seeded by `seedSs12000`, paging with `limit` + `pageToken`, `meta.modified.after`
 * (exclusive), `/deletedEntities`, changes made by the test (modify or delete a person, end a duty), a page that is
 * malformed or never answers, and a webhook call to a subscriber. Its answers are checked against the shipped
 * OpenAPI file in ss12000-mock-server.spec.ts, so it cannot drift from the standard.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

type Meta = { created: string; modified: string };
export type MockOrganisation = {
	id: string;
	meta: Meta;
	displayName: string;
	organisationType: string;
	schoolUnitCode?: string;
	schoolTypes?: string[];
	parentOrganisation?: { id: string };
};
export type MockPerson = {
	id: string;
	meta: Meta;
	givenName: string;
	familyName: string;
	eduPersonPrincipalNames?: string[];
	emails?: { value: string; type: string }[];
	securityMarking?: 'Ingen' | 'Sekretessmarkering' | 'Skyddad folkbokföring';
	personStatus?: 'Aktiv' | 'Utvandrad' | 'Avliden';
	civicNo?: { value: string; nationality: string };
};
export type MockDuty = {
	id: string;
	meta: Meta;
	person: { id: string };
	dutyAt: { id: string };
	dutyRole: string;
	startDate: string;
	endDate?: string;
};
export type MockGroup = {
	id: string;
	meta: Meta;
	displayName: string;
	groupType: string;
	organisation: { id: string };
	startDate: string;
};

type Collection = 'organisations' | 'persons' | 'duties' | 'groups';
const ENTITY_OF: Record<Collection, string> = { organisations: 'Organisation', persons: 'Person', duties: 'Duty', groups: 'Group' };

export type MockState = {
	organisations: MockOrganisation[];
	persons: MockPerson[];
	duties: MockDuty[];
	groups: MockGroup[];
	deleted: { entity: string; id: string; at: string }[];
};

/** A uuid made from a kind and a number, so tests can name entities: mockId('p', 7). */
export function mockId(kind: 'o' | 'p' | 'd' | 'g', n: number): string {
	const k = { o: '1', p: '2', d: '3', g: '4' }[kind];
	return `0000000${k}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export type SeedOptions = {
	schoolUnits?: number;
	persons?: number;
	duties?: number;
	groups?: number;
	/** Makes e-mail addresses, eppns and skolenhetskoder unique between servers in one database. */
	tag?: string;
	/** When the seeded entities were created and last changed (default: a day ago), so deltas see only later changes. */
	at?: Date;
};

/** Seeds N school units (under one organizer element), persons, duties (teachers, every 50th a principal) and groups. */
export function seedSs12000(o: SeedOptions = {}): MockState {
	const units = o.schoolUnits ?? 5;
	const tag = o.tag ?? 'x';
	const stamp = (o.at ?? new Date(Date.now() - 86_400_000)).toISOString();
	const meta = () => ({ created: stamp, modified: stamp });
	const codeBase = Math.abs([...tag].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7)) % 9000;
	const organisations: MockOrganisation[] = [
		{ id: mockId('o', 0), meta: meta(), displayName: `Huvudman ${tag}`, organisationType: 'Huvudman' },
		...Array.from({ length: units }, (_, i) => ({
			id: mockId('o', i + 1),
			meta: meta(),
			displayName: `Skolenhet ${tag} ${i + 1}`,
			organisationType: 'Skolenhet',
			schoolUnitCode: String(10_000_000 + codeBase * 10_000 + i + 1),
			schoolTypes: ['GR'],
			parentOrganisation: { id: mockId('o', 0) }
		}))
	];
	const persons: MockPerson[] = Array.from({ length: o.persons ?? 20 }, (_, i) => ({
		id: mockId('p', i + 1),
		meta: meta(),
		givenName: `Förnamn${i + 1}`,
		familyName: `Efternamn ${tag}`,
		eduPersonPrincipalNames: [`p${i + 1}.${tag}@edu.exempel.se`],
		emails: [
			{ value: `privat${i + 1}.${tag}@example.com`, type: 'Privat' },
			{ value: `p${i + 1}.${tag}@skola.exempel.se`, type: 'Skola personal' }
		],
		securityMarking: 'Ingen',
		personStatus: 'Aktiv',
		civicNo: { value: `19800101${String(i % 10_000).padStart(4, '0')}`, nationality: 'SE' }
	}));
	const duties: MockDuty[] = Array.from({ length: Math.min(o.duties ?? 10, persons.length) }, (_, i) => ({
		id: mockId('d', i + 1),
		meta: meta(),
		person: { id: persons[i].id },
		dutyAt: { id: mockId('o', (i % units) + 1) },
		dutyRole: i % 50 === 0 ? 'Rektor' : 'Lärare',
		startDate: '2024-08-01'
	}));
	const groups: MockGroup[] = Array.from({ length: o.groups ?? 0 }, (_, i) => ({
		id: mockId('g', i + 1),
		meta: meta(),
		displayName: `Klass ${i + 1}`,
		groupType: 'Klass',
		organisation: { id: mockId('o', (i % units) + 1) },
		startDate: '2024-08-01'
	}));
	return { organisations, persons, duties, groups, deleted: [] };
}

type Fault = { path: string; page: number; kind: 'malformed' | 'timeout' | 'error' };

export type MockServer = Awaited<ReturnType<typeof startSs12000Mock>>;

/** Starts the mock on a free port of 127.0.0.1. `token` is the bearer token it accepts. */
export async function startSs12000Mock(
	state: MockState,
	opts: {
		token?: string;
		/** false: the server does not offer /subscriptions (404), as many do not. */
		subscriptions?: boolean;
		/** How long a subscription lasts (default: far in the future). */
		subscriptionMs?: number;
		/** Post a notification to every subscriber when the data changes (modifyPerson, deletePerson …). */
		autoNotify?: boolean;
	} = {}
) {
	const token = opts.token ?? 'mock-token';
	const faults: Fault[] = [];
	const requests: string[] = [];
	const hanging = new Set<http.ServerResponse>();
	const subscribers: string[] = [];
	const subscriptions: { id: string; target: string; expires: string }[] = [];
	const pending: Promise<number[]>[] = [];
	let subscriptionCount = 0;

	const touch = (m: Meta) => {
		// Strictly later than anything before, even within one millisecond.
		m.modified = new Date(Math.max(Date.now(), Date.parse(m.modified) + 1)).toISOString();
	};

	function list(collection: Collection, modifiedAfter: string | null, person: string | null): object[] {
		let all = state[collection] as { meta: Meta; person?: { id: string } }[];
		// `/duties?person=` (the standard's filter): one person's duties, whenever they changed.
		if (person && collection === 'duties') all = all.filter((e) => e.person?.id === person);
		if (!modifiedAfter) return all;
		const after = Date.parse(modifiedAfter);
		return all.filter((e) => Date.parse(e.meta.modified) > after);
	}

	const json = (res: http.ServerResponse, status: number, body: unknown) => {
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify(body));
	};

	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://mock');
		requests.push(`${req.method} ${url.pathname}${url.search}`);
		if (req.headers.authorization !== `Bearer ${token}`) return json(res, 403, { code: 'forbidden', message: 'Ogiltig token' });
		const path = url.pathname.replace(/^\/v2\.0/, '');
		if (path.startsWith('/subscriptions') && opts.subscriptions === false)
			return json(res, 404, { code: 'not_found', message: 'Okänd resurs' });
		if (req.method === 'POST' && path === '/subscriptions') {
			let body = '';
			req.on('data', (c) => (body += c));
			req.on('end', () => {
				const sub = JSON.parse(body || '{}') as { name?: string; target?: string; resourceTypes?: { resource: string }[] };
				if (!sub.name || !sub.target || !Array.isArray(sub.resourceTypes))
					return json(res, 400, { code: 'invalid', message: 'name, target och resourceTypes krävs' });
				const id = mockId('g', 999_000 + ++subscriptionCount);
				const expires = opts.subscriptionMs ? new Date(Date.now() + opts.subscriptionMs).toISOString() : '2099-01-01T00:00:00Z';
				subscribers.push(sub.target);
				subscriptions.push({ id, target: sub.target, expires });
				json(res, 201, { id, name: sub.name, target: sub.target, resourceTypes: sub.resourceTypes, expires });
			});
			return;
		}
		const subscriptionPath = /^\/subscriptions\/([^/]+)$/.exec(path);
		if (req.method === 'DELETE' && subscriptionPath) {
			const i = subscriptions.findIndex((x) => x.id === subscriptionPath[1]);
			if (i === -1) return json(res, 404, { code: 'not_found', message: 'Okänd prenumeration' });
			const [gone] = subscriptions.splice(i, 1);
			subscribers.splice(subscribers.indexOf(gone.target), 1);
			res.writeHead(204);
			return res.end();
		}
		const limit = Math.max(1, Number(url.searchParams.get('limit') ?? '100') || 100);
		const tokenParam = url.searchParams.get('pageToken');
		let offset = 0;
		let filter: string | null = url.searchParams.get(path === '/deletedEntities' ? 'after' : 'meta.modified.after');
		let entities = url.searchParams.getAll('entities');
		let person = url.searchParams.get('person');
		if (tokenParam) {
			try {
				const t = JSON.parse(Buffer.from(tokenParam, 'base64url').toString('utf8')) as {
					o: number;
					f: string | null;
					e: string[];
					p?: string | null;
				};
				offset = t.o;
				filter = t.f;
				entities = t.e;
				person = t.p ?? null;
			} catch {
				return json(res, 400, { code: 'invalid_token', message: 'Ogiltig pageToken' });
			}
		}
		const pageIndex = Math.floor(offset / limit);
		const fault = faults.findIndex((f) => f.path === path && f.page === pageIndex);
		if (fault !== -1) {
			const [f] = faults.splice(fault, 1);
			if (f.kind === 'timeout') {
				hanging.add(res);
				return;
			}
			if (f.kind === 'error') return json(res, 503, { code: 'overload', message: 'Försök igen senare' });
			return json(res, 200, { data: [{ id: 42, displayName: null }], pageToken: null });
		}
		const nextToken = (total: number) =>
			offset + limit < total
				? Buffer.from(JSON.stringify({ o: offset + limit, f: filter, e: entities, p: person })).toString('base64url')
				: null;
		if (path === '/deletedEntities') {
			const after = filter ? Date.parse(filter) : 0;
			const rows = state.deleted.filter((d) => Date.parse(d.at) > after && (entities.length === 0 || entities.includes(d.entity)));
			const slice = rows.slice(offset, offset + limit);
			const data: Record<string, string[]> = {};
			for (const d of slice) {
				const key = { Person: 'persons', Duty: 'duties', Organisation: 'organisations', Group: 'groups' }[d.entity] ?? 'other';
				(data[key] ??= []).push(d.id);
			}
			return json(res, 200, { data, pageToken: nextToken(rows.length) });
		}
		const collection = path.slice(1) as Collection;
		if (!(collection in ENTITY_OF)) return json(res, 404, { code: 'not_found', message: 'Okänd resurs' });
		const rows = list(collection, filter, person);
		json(res, 200, { data: rows.slice(offset, offset + limit), pageToken: nextToken(rows.length) });
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	/** Tells every subscriber that `entities` changed; the body says only what, as the standard's callback does. */
	const notifyAll = (body: { modifiedEntites?: string[]; deletedEntities?: boolean }) =>
		Promise.all(
			subscribers.map((target) =>
				fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status)
			)
		);
	const changed = (body: { modifiedEntites?: string[]; deletedEntities?: boolean }) => {
		if (opts.autoNotify) pending.push(notifyAll(body).catch((): number[] => []));
	};

	const remove = (collection: Collection, id: string) => {
		const list = state[collection] as { id: string }[];
		const i = list.findIndex((e) => e.id === id);
		if (i === -1) throw new Error(`mock: no ${collection} ${id}`);
		list.splice(i, 1);
		state.deleted.push({ entity: ENTITY_OF[collection], id, at: new Date().toISOString() });
		changed({ deletedEntities: true });
	};

	return {
		url: `http://127.0.0.1:${port}/v2.0`,
		token,
		state,
		requests,
		subscribers,
		/** Changes a person (their meta.modified moves on). */
		modifyPerson(id: string, patch: Partial<MockPerson>) {
			const p = state.persons.find((e) => e.id === id);
			if (!p) throw new Error(`mock: no person ${id}`);
			Object.assign(p, patch);
			touch(p.meta);
			changed({ modifiedEntites: ['Person'] });
		},
		addPerson(p: Omit<MockPerson, 'meta'>) {
			const stamp = new Date().toISOString();
			state.persons.push({ ...p, meta: { created: stamp, modified: stamp } });
			changed({ modifiedEntites: ['Person'] });
		},
		deletePerson: (id: string) => remove('persons', id),
		deleteDuty: (id: string) => remove('duties', id),
		deleteOrganisation: (id: string) => remove('organisations', id),
		/** Ends a duty on `endDate` (YYYY-MM-DD). */
		endDuty(id: string, endDate: string) {
			const d = state.duties.find((e) => e.id === id);
			if (!d) throw new Error(`mock: no duty ${id}`);
			d.endDate = endDate;
			touch(d.meta);
			changed({ modifiedEntites: ['Duty'] });
		},
		/** The `page`th page (from 0, by the request's limit) of `path` answers malformed, never, or 503 — once. */
		fail(path: string, page: number, kind: Fault['kind']) {
			faults.push({ path, page, kind });
		},
		/** Tells every subscriber that `entity` changed (the notification says only what, as in the standard). */
		async notify(entity: string) {
			return notifyAll({ modifiedEntites: [entity] });
		},
		/** The subscriptions the mock holds now. */
		subscriptions,
		/** Waits for the notifications the data changes sent (autoNotify); their answers' statuses, in order. */
		async notified(): Promise<number[]> {
			const all = await Promise.all(pending.splice(0));
			return all.flat();
		},
		async close() {
			for (const res of hanging) res.destroy();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}

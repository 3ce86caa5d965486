import http from 'node:http';

/**
 * A local stand-in for Skolverket's school-unit register, open API v2 (decision 055), for the tests: no internet. Its
 * answers have the recorded format of the real API — the list as `{ meta: { extractDate }, data: { type, attributes } }`
 * with only code, name and status per unit and no paging; a unit as `{ data: { type, schoolUnitCode, attributes },
 * included, links, meta }` — and it filters on organization_number, municipality_code and status (repeated names).
 * The tests change its state (close a unit, rename, add) between calls.
 */
export type FixtureUnit = {
	schoolUnitCode: string;
	name: string;
	status: 'AKTIV' | 'VILANDE' | 'UPPHORT' | 'PLANERAD';
	schoolTypes: string[];
	organizationNumber: string;
	organizerType: string;
	municipalityCode: string;
	street: string;
	postalCode: string;
	locality: string;
};

export type FixtureServer = Awaited<ReturnType<typeof startSchoolRegisterFixture>>;

/** Eight-digit codes that no other suite uses: a random 4-digit prefix and a running number. */
export function fixtureCodes(n: number): string[] {
	const prefix = 1000 + Math.floor(Math.random() * 8999);
	return Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(4, '0')}`);
}

/** A few units of one organizer (KOMMUN) and one independent school in the same municipality. */
export function seedRegister(orgNumber: string, municipalityCode: string, n = 3): FixtureUnit[] {
	const codes = fixtureCodes(n + 1);
	const own = codes.slice(0, n).map((code, i) => ({
		schoolUnitCode: code,
		name: `Registerskolan ${i + 1}`,
		status: 'AKTIV' as const,
		schoolTypes: i === 0 ? ['FKLASS', 'GR', 'GRAN'] : ['GY'],
		organizationNumber: orgNumber,
		organizerType: 'KOMMUN',
		municipalityCode,
		street: `Skolvägen ${i + 1}`,
		postalCode: '123 45',
		locality: 'Exempelby'
	}));
	return [
		...own,
		{
			schoolUnitCode: codes[n],
			name: 'Friskolan i Exempelby',
			status: 'AKTIV',
			schoolTypes: ['GR'],
			organizationNumber: '5560000000',
			organizerType: 'ENSKILD',
			municipalityCode,
			street: 'Fria gatan 1',
			postalCode: '123 46',
			locality: 'Exempelby'
		}
	];
}

function detail(u: FixtureUnit, base: string) {
	return {
		data: {
			type: 'schoolunit',
			schoolUnitCode: u.schoolUnitCode,
			attributes: {
				displayName: u.name,
				schoolName: u.name,
				status: u.status,
				schoolTypes: u.schoolTypes,
				municipalityCode: u.municipalityCode,
				schoolUnitType: 'SKOLENHET',
				startdate: '2011-07-01',
				endDate: u.status === 'UPPHORT' ? '2026-06-30' : null,
				addresses: [
					{ type: 'BESOKSADRESS', streetAddress: u.street, postalCode: u.postalCode, locality: u.locality, careOfAddress: null },
					{ type: 'POSTADRESS', streetAddress: `Box ${u.schoolUnitCode.slice(-3)}`, postalCode: u.postalCode, locality: u.locality }
				]
			}
		},
		included: {
			type: 'organizer',
			organizationNumber: u.organizationNumber,
			attributes: { displayName: `Huvudman ${u.organizationNumber}`, organizerType: u.organizerType },
			links: { href: `${base}/v2/organizer/${u.organizationNumber}`, rel: 'organizer', method: 'GET' }
		},
		links: { href: `${base}/v2/school-units/${u.schoolUnitCode}`, rel: 'self', method: 'GET' },
		meta: { created: '2011-06-01T00:00:00', modified: '2026-08-01T00:00:00', extractDate: '2026-12-01T04:00:00' }
	};
}

/** Starts the fixture on a free local port. `broken` makes the list answer with a shape the client must refuse. */
export async function startSchoolRegisterFixture(units: FixtureUnit[]) {
	const state = { units, broken: false, requests: 0 };
	const server = http.createServer((req, res) => {
		state.requests++;
		const url = new URL(req.url ?? '/', 'http://localhost');
		const send = (status: number, body: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		if (req.method !== 'GET') return send(405, { errors: [{ status: '405', title: 'Method Not Allowed' }] });
		if (url.pathname === '/v2/school-units') {
			if (state.broken) return send(200, { data: { attributes: [{ code: 'x' }] } });
			const orgs = url.searchParams.getAll('organization_number');
			const municipalities = url.searchParams.getAll('municipality_code');
			// Without a status filter the real list has shown only active and dormant units.
			const statuses = url.searchParams.getAll('status');
			const wanted = statuses.length ? statuses : ['AKTIV', 'VILANDE'];
			const list = state.units.filter(
				(u) =>
					(!orgs.length || orgs.includes(u.organizationNumber)) &&
					(!municipalities.length || municipalities.includes(u.municipalityCode)) &&
					wanted.includes(u.status)
			);
			return send(200, {
				meta: { extractDate: '2026-12-01T04:00:00' },
				data: { type: 'schoolunit', attributes: list.map((u) => ({ schoolUnitCode: u.schoolUnitCode, name: u.name, status: u.status })) }
			});
		}
		const one = /^\/v2\/school-units\/(\d{8})$/.exec(url.pathname);
		if (one) {
			const u = state.units.find((x) => x.schoolUnitCode === one[1]);
			if (!u) return send(404, { errors: [{ status: '404', title: 'Not Found', detail: 'Skolenheten finns inte' }] });
			return send(200, detail(u, base));
		}
		send(404, { errors: [{ status: '404', title: 'Not Found' }] });
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
	return {
		url: base,
		state,
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}

import type { UnitKind } from '../org/unit-kinds';
import type { Random } from './random';

/** One unit of the demo tree. `key` is stable across runs and is how later generators find it. */
export type DemoUnitPlan = {
	key: string;
	parentKey: string | null;
	name: string;
	kind: UnitKind;
	schoolTypes: string[];
	/** Invented skolenhetskod for skolenheter and förskoleenheter, otherwise null. */
	schoolUnitCode: string | null;
	/** About how many staff work here (drives the people generator). */
	staff: number;
	/** Demo students and guardians registered here (only where the organizer lets them file cases). */
	students: number;
	guardians: number;
};

type UnitSeed = Omit<DemoUnitPlan, 'schoolUnitCode'>;

const FS = ['FS'];
const F6 = ['FKLASS', 'GR', 'FTH'];
const GR79 = ['GR'];

const unit = (
	key: string,
	parentKey: string | null,
	name: string,
	kind: UnitKind,
	schoolTypes: string[] = [],
	staff = 0,
	students = 0,
	guardians = 0
): UnitSeed => ({ key, parentKey, name, kind, schoolTypes, staff, students, guardians });

/** Exempelkommun's unit tree: one förvaltning, five rektorsområden, twelve school units. All names are invented. */
const TREE: UnitSeed[] = [
	unit('bou', null, 'Barn- och utbildningsförvaltningen', 'forvaltning', [], 10),
	unit('ro-norr', 'bou', 'Rektorsområde Norr', 'rektorsomrade'),
	unit('bjorkhagen', 'ro-norr', 'Björkhagens förskola', 'forskoleenhet', FS, 14),
	unit('larkangen', 'ro-norr', 'Lärkängens förskola', 'forskoleenhet', FS, 11),
	unit('solbacka', 'ro-norr', 'Solbackaskolan', 'skolenhet', F6, 38, 0, 4),
	unit('ro-soder', 'bou', 'Rektorsområde Söder', 'rektorsomrade'),
	unit('ekdalen', 'ro-soder', 'Ekdalens förskola', 'forskoleenhet', FS, 12),
	unit('angsskolan', 'ro-soder', 'Ängsskolan', 'skolenhet', F6, 34, 0, 4),
	unit('ronnby', 'ro-soder', 'Rönnbyskolan', 'skolenhet', F6, 24, 0, 2),
	unit('ro-oster', 'bou', 'Rektorsområde Öster', 'rektorsomrade'),
	unit('sjoviken', 'ro-oster', 'Sjövikens förskola', 'forskoleenhet', FS, 10),
	unit('granas', 'ro-oster', 'Granåsskolan', 'skolenhet', F6, 28, 0, 2),
	unit('ro-7-9', 'bou', 'Rektorsområde Högstadiet', 'rektorsomrade'),
	unit('kvarnbacka', 'ro-7-9', 'Kvarnbackaskolan', 'skolenhet', GR79, 44, 8),
	unit('akerlund', 'ro-7-9', 'Åkerlundsskolan', 'skolenhet', GR79, 36, 6),
	unit('ro-gy-vux', 'bou', 'Rektorsområde Gymnasium och vuxenutbildning', 'rektorsomrade'),
	unit('strandvallen', 'ro-gy-vux', 'Strandvallsgymnasiet', 'skolenhet', ['GY'], 60, 10),
	unit('larcentrum', 'ro-gy-vux', 'Lärcentrum Exempelkommun', 'skolenhet', ['VUX', 'SFI'], 16, 4)
];

/** Kinds that get a skolenhetskod in the demo. */
const CODED: readonly UnitKind[] = ['skolenhet', 'forskoleenhet'];

/**
 * The demo unit tree with invented, unique 8-digit skolenhetskoder. They start with 99,
 * which makes a clash with Skolverket's real codes unlikely; `taken` lists codes already
 * in the database so the demo never collides with an imported unit.
 */
export function planDemoUnits(random: Random, taken: ReadonlySet<string> = new Set()): DemoUnitPlan[] {
	const used = new Set(taken);
	return TREE.map((u) => {
		if (!CODED.includes(u.kind)) return { ...u, schoolUnitCode: null };
		let code: string;
		do code = `99${String(random.int(0, 999999)).padStart(6, '0')}`;
		while (used.has(code));
		used.add(code);
		return { ...u, schoolUnitCode: code };
	});
}

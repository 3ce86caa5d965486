import type { BoardStanding } from './standing';
import type { Headline } from '../operations/headline';
import type { UnitComparison } from '../operations/compare-units';
import type { SurveyFigures } from '../surveys/get-survey-figures';
import type { ComparisonBeside } from '../comparisons/comparisons-beside';

/** An action of a plan as the board sees it: no responsible person's name (the board reads the organizer, not people). */
export type SnapshotAction = { id: string; title: string; plan: string | null; status: string; dueOn: string | null; overdue: boolean };

/**
 * Every figure of a generated board report, as it was when it was made (stored as JSON; decision 062). Anything the
 * anonymity rules hide is stored without its number, so neither the page nor the spreadsheet can show it later.
 */
export type BoardSnapshot = {
	/** 1: equity from raw per-unit support figures, no surveys or comparison values (read through upgradeSnapshot). */
	version: 2;
	organizerName: string;
	period: { from: string; to: string; label: string };
	unit: { id: string; name: string } | null;
	standing: BoardStanding;
	done: {
		/** The school years (läsår) whose plans count. */
		schoolYears: string[];
		actions: SnapshotAction[];
		byStatus: Record<string, number>;
		decisions: { id: string; text: string; forum: string; heldOn: string; status: string; dueOn: string | null; path: string }[];
	};
	costs: {
		devices: {
			id: string;
			name: string;
			devices: number;
			deviceYears: number;
			repairs: number;
			losses: number;
			costPerStudentYear: number | null;
		}[];
		licences: {
			id: string;
			tool: string;
			unit: string | null;
			seats: number;
			used: number;
			share: number;
			priceSek: number | null;
			costPerActiveUser: number | null;
		}[];
		licenceTotalSek: number;
		indicators: {
			chainId: string;
			chain: string;
			unit: string | null;
			name: string;
			baseline: number | null;
			latest: number | null;
			hidden: boolean;
			target: number | null;
			movement: string;
		}[];
	};
	support: {
		cases: number;
		byChain: { technical: number; pedagogical: number };
		lostLessons: number;
		studentsAffected: number;
		leadTimeMedianMinutes: number | null;
		leadTimeP90Minutes: number | null;
		solved: number;
		sla: { kind: string; measured: number; breached: number; compliance: number | null }[];
		ratingAverage: number | null;
		ratingCount: number;
		userErrorShare: number | null;
		topCategories: { name: string | null; cases: number; lessons: number }[];
	};
	/**
	 * Equity between units (followup/operations' getOperationalFigures): units side by side per 100 students and staff
	 * with the spread between them, the scope beside the organizer's average, and school units without a size. Null
	 * when the reader may not see the operational follow-up of the scope.
	 */
	equity: {
		/** Whose sizes: the school year the period starts in. */
		schoolYear: string;
		headline: Headline;
		organizerAverage: Headline | null;
		comparison: UnitComparison;
	} | null;
	/** Survey results of the scope in the period: the surveys' own suppressed cells (null: the reader may not see them). */
	surveys: SurveyFigures | null;
	/** External comparison values beside own figures, where area and unit of measure match (decision 068). */
	comparisons: ComparisonBeside[];
	asks: { id: string; title: string; body: string }[];
};

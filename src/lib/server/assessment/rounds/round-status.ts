import { todayInStockholm } from '../../auth/load-actor';

export type RoundStatus = 'upcoming' | 'open' | 'closed';

/** Where a round stands today (Stockholm dates): before opens_on, open, or closed (after closes_on or closed by hand). */
export function roundStatus(
	round: { opensOn: string; closesOn: string; closedAt: Date | null },
	today: string = todayInStockholm()
): RoundStatus {
	if (round.closedAt || today > round.closesOn) return 'closed';
	if (today < round.opensOn) return 'upcoming';
	return 'open';
}

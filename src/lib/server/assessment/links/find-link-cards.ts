import QRCode from 'qrcode';
import type { Db } from '../../db';
import type { Actor } from '../../policies';
import { getRound } from '../rounds/get-round';
import { loadUnitAccess } from '../rounds/unit-access';
import { findLinks, linkUrl } from './find-links';

/** One printed card: the unit, the perspective, the address in full and the same address as a QR code. */
export type LinkCard = { unitName: string; perspective: string; url: string; qrDataUri: string };

/**
 * The cards of a round's printable link sheet, for those who manage rounds: every existing link, in
 * the units' order and the round's perspective order, optionally one perspective only. The QR code is
 * an SVG made on the server (a data: address the CSP's img-src allows); the address is printed too,
 * so the QR code is never the only way in.
 */
export async function findLinkCards(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; roundId: string; origin: string; perspective?: string }
) {
	// The round first: it refuses a malformed or foreign round id before any query uses it.
	const round = await getRound(db, opts);
	const rows = await findLinks(db, opts);
	const access = await loadUnitAccess(db, opts.organizerId);
	const unitOrder = new Map(access.sort(round.unitIds).map((id, i) => [id, i]));
	const perspectives = round.perspectives.filter((p) => !opts.perspective || p === opts.perspective);
	const chosen = rows
		.filter((r) => unitOrder.has(r.unitId) && perspectives.includes(r.perspective))
		.sort(
			(a, b) =>
				unitOrder.get(a.unitId)! - unitOrder.get(b.unitId)! || perspectives.indexOf(a.perspective) - perspectives.indexOf(b.perspective)
		);
	const cards: LinkCard[] = [];
	for (const r of chosen) {
		const url = linkUrl(opts.origin, r.token);
		const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
		cards.push({
			unitName: access.byId.get(r.unitId)?.name ?? '',
			perspective: r.perspective,
			url,
			qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
		});
	}
	return { roundName: round.name, perspectives: round.perspectives, cards };
}

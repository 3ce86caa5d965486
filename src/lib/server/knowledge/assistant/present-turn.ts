import type { assistantTurns, QuotedPassage } from '../../db/schema';

/** One question and its answer as a page shows it. */
export type ShownTurn = {
	id: string;
	question: string;
	answered: boolean;
	/** 0–100, for the reviewers' list. */
	confidence: number;
	helpful: boolean | null;
	createdAt: Date;
	passages: QuotedPassage[];
};

/** Whitelists a turn's fields for a page. */
export function presentTurn(t: typeof assistantTurns.$inferSelect): ShownTurn {
	return {
		id: t.id,
		question: t.question,
		answered: t.answered,
		confidence: Math.round(t.confidence * 100),
		helpful: t.helpful,
		createdAt: t.createdAt,
		passages: t.passages.map((p) => ({
			articleId: p.articleId,
			version: p.version,
			title: p.title,
			slug: p.slug,
			text: p.text,
			updatedAt: p.updatedAt
		}))
	};
}

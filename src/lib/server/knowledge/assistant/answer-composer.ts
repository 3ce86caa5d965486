import type { QuotedPassage } from '../../db/schema';
import { choosePassages, scorePassage, termsOf, type QueryWord, type ScoredCandidate } from './score-passages';
import { splitPassages } from './split-passages';

/** An article the search found for the question, as the composer sees it: readable by the person, published. */
export type FoundArticle = {
	id: string;
	slug: string;
	title: string;
	version: number;
	updatedAt: Date;
	/** The article's Markdown. */
	body: string;
	/** The search module's rank (higher is better). */
	rank: number;
};

/** What a composer is given: the question, its analysed words, and the best articles, best first. */
export type ComposeInput = { question: string; words: QueryWord[]; articles: FoundArticle[] };

/** What a composer answers: the passages to quote (word for word from the articles) and how sure it is, 0–1. */
export type ComposedAnswer = { answered: boolean; confidence: number; passages: QuotedPassage[] };

/**
 * The seam where an answer is put together from the articles found (decision 042). The only implementation is
 * `extractiveComposer`: it quotes passages and writes nothing of its own. An organizer could plug in a local model
 * here (to pick or order passages better); whatever it returns, askAssistant keeps only passages that are word for
 * word in the articles given, so a composer cannot put invented text in front of anyone.
 */
export interface AnswerComposer {
	compose(input: ComposeInput): Promise<ComposedAnswer>;
}

/**
 * Splits each article into passages, scores each by the question's words it and its title hold and by the
 * article's rank, and quotes the best one to three if the best reaches the confidence threshold.
 */
export const extractiveComposer: AnswerComposer = {
	async compose({ words, articles }) {
		const scored: ScoredCandidate<FoundArticle>[] = articles.flatMap((article) => {
			const titleTerms = termsOf(article.title);
			return splitPassages(article.body).map((text, order) => ({
				article,
				text,
				articleRank: article.rank,
				order,
				...scorePassage(termsOf(text), titleTerms, words, article.rank)
			}));
		});
		const { chosen, confidence } = choosePassages(scored);
		return {
			answered: chosen.length > 0,
			confidence,
			passages: chosen.map((c) => ({
				articleId: c.article.id,
				version: c.article.version,
				title: c.article.title,
				slug: c.article.slug,
				text: c.text,
				updatedAt: c.article.updatedAt.toISOString()
			}))
		};
	}
};

/**
 * Turns Swedish text into search terms. PLACEHOLDER (phase 0 of issue 15): lower-cased words only. The search
 * helper replaces it with stemming, compound splitting, å/ä/ö folding and synonyms; callers do not change.
 */
export function analyzeText(text: string): string[] {
	return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1);
}

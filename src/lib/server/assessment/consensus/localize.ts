/** The text of a framework field ({ sv, en }) in the given locale, Swedish when unsure. */
export function localize(text: { sv: string; en: string } | null | undefined, locale: string): string {
	if (!text) return '';
	return locale === 'en' ? text.en : text.sv;
}

/**
 * The demo organizer's accessibility statement, complete in every field Digg asks for: a contact,
 * the date it was prepared and the known shortcomings (the demo is partly compliant). Invented text.
 */
export const DEMO_STATEMENT = {
	complianceStatus: 'partial',
	nonCompliantContent:
		'Några äldre PDF-bilagor i kunskapsbanken saknar rubrikstruktur, så en skärmläsare kan inte hoppa mellan avsnitten (WCAG 1.3.1). Vi gör om dem till webbsidor under våren 2027.\nDiagrammen i rapporterna har en tabell bredvid sig, men tabellerna går ännu inte att sortera med tangentbordet. Det rättar vi i nästa version.',
	disproportionateBurden: '',
	feedbackContact: 'E-post: tillganglighet@exempelkommun.example\nTelefon: 0199-12 34 56 (vardagar 8–16)',
	testMethod:
		'Egen granskning med automatiska kontroller (axe) på alla sidor, tangentbordsnavigering och skärmläsaren NVDA i november 2026.',
	preparedOn: '2026-11-02',
	reviewedOn: '2026-11-20'
} as const;

import { z } from 'zod';

/** The mapping form: an own figure key and an imported key figure (its id). */
export const comparisonMappingInput = z.object({
	/** A key of OWN_FIGURES. */
	figureKey: z.string().trim().min(1, 'cmp_mapping_error_figure'),
	/** The id of one of the organizer's key figures. */
	keyFigureId: z.string().trim().min(1, 'cmp_mapping_error_key_figure')
});

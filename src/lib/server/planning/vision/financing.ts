/** The parts every financing matrix has, in order (labels: vision_financing_row_<key>). */
export const FINANCING_ROWS = ['devices', 'pedagogical_support', 'technical_support', 'licences', 'repairs', 'learning_resources'] as const;

/** Who pays (labels: vision_payer_<key>): the administration, the unit, the IT department or someone else. */
export const PAYERS = ['administration', 'unit', 'it', 'other'] as const;
export type Payer = (typeof PAYERS)[number];

export const isPayer = (v: string): v is Payer => (PAYERS as readonly string[]).includes(v);

/** The free-text sections of the common framework besides one text per role ("role.<role>"). */
export const FRAMEWORK_SECTIONS = ['roles', 'equal_access', 'equal_support', 'forums'] as const;

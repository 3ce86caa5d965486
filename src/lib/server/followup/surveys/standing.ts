/**
 * The standing surveys: always open, one invitation per closed case (the pulse) or per guidance booking (feedback after
 * a session), answers counted in the month they are given and published per ended month. Never sent, closed or edited
 * by hand (decisions 059, 067).
 */
export const STANDING_KINDS = ['pulse', 'guidance_feedback'] as const;

/** Whether a survey kind is a standing one. */
export const isStanding = (kind: string) => (STANDING_KINDS as readonly string[]).includes(kind);

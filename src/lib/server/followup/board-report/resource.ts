/** The policy resource of an organizer's board reports: always the organizer as a whole. */
export const boardResource = (organizerId: string) => ({ type: 'organizer' as const, organizerId });

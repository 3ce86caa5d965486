/** The id of a link row's capacity field, so an error message can point at the right row. */
export const capacityFieldId = (unitId: string, perspective: string) => `capacity-${unitId}-${perspective}`;

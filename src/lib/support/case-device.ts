/**
 * The filing form's choice "other equipment than my devices" (a printer, a projector): sent as the device field's
 * value, it answers a category marked "Gäller utrustning" without tying the case to a device of the requester's.
 */
export const OTHER_EQUIPMENT = 'annan';

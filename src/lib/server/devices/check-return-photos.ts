import { invalid } from '../errors';
import { checkAttachment, type CheckedFile, type IncomingFile } from '../support/tickets/check-attachment';
import { MAX_PHOTO_BYTES, MAX_RETURN_PHOTOS } from './return-checklist';

/**
 * Checks the photos of a return as the case attachments are checked (size, the file's own first bytes), but only
 * images: a PDF or anything else is refused beside `photos`, and so is one photo too many. Empty inputs are ignored.
 */
export function checkReturnPhotos(files: IncomingFile[] | undefined): CheckedFile[] {
	const real = (files ?? []).filter((f) => f.name !== '' || f.bytes.length > 0);
	if (real.length > MAX_RETURN_PHOTOS) throw invalid('photos', 'devicereturns_error_photo_count');
	return real.map((f) => {
		if (f.bytes.length > MAX_PHOTO_BYTES) throw invalid('photos', 'devicereturns_error_photo_too_large');
		const checked = checkAttachment(f);
		if ('error' in checked || !checked.contentType.startsWith('image/')) throw invalid('photos', 'devicereturns_error_photo_type');
		return checked;
	});
}

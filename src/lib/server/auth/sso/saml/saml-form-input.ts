import { formValues } from '../../../http/errors';

/**
 * The SAML provider form's fields as text (decision 054): an uploaded metadata file, when one was chosen, takes the
 * place of the pasted text. Returns what to save and what to show again on a failure (the file's text is not sent
 * back into the page: it may be megabytes of a federation's aggregate).
 */
export async function samlFormInput(data: FormData): Promise<{ input: Record<string, string>; shown: Record<string, string> }> {
	const shown = formValues(data, ['metadataFile']);
	const file = data.get('metadataFile');
	const fileText = file instanceof File && file.size > 0 ? await file.text() : '';
	return { input: { ...shown, ...(fileText ? { metadataXml: fileText } : {}) }, shown };
}

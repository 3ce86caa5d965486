import { API_AREAS } from './scopes';
import type { ApiTokenInput } from './token-input';

/** The token form's fields as the domain takes them (the form keeps what was typed from the same values). */
export function tokenFormInput(data: FormData): ApiTokenInput & Record<string, string> {
	const text = (k: string) => String(data.get(k) ?? '');
	return {
		name: text('name'),
		lifetimeDays: text('lifetimeDays'),
		...Object.fromEntries(API_AREAS.map((a) => [a, text(a) || 'none']))
	} as ApiTokenInput & Record<string, string>;
}

// Covers: t.
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { t } from './i18n';

describe('messages', () => {
	it('are compiled from the message files, in Swedish by default and in English on request', () => {
		expect(m.signin_title()).toBe('Logga in');
		expect(m.signin_title({}, { locale: 'en' })).toBe('Sign in');
	});

	it('translate server-sent keys and fill in parameters', () => {
		expect(t('role_principal')).toBe('Rektor');
		expect(t('signed_in_as', { name: 'Åsa' })).toBe('Inloggad som Åsa');
	});

	it('show an unknown key as it is rather than nothing', () => {
		expect(t('no_such_key')).toBe('no_such_key');
	});
});

// ESLint: TypeScript and Svelte rules, recommended sets, with formatting left to Prettier.
// The few rules switched off are explained where they are (decision 032).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'node_modules/',
			'data/',
			'.e2e-data-*/',
			'.bench-builds/',
			'bench/tickets/bare/build/',
			'bench/tickets/bare/.svelte-kit/',
			'test-results/',
			'drizzle/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { extraFileExtensions: ['.svelte'], parser: ts.parser }
		}
	},
	{
		rules: {
			// Unused names are errors, except those deliberately marked with a leading underscore.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
			// Links are written as plain paths under the organizer's slug; the app has no base path to resolve (decision 032).
			'svelte/no-navigation-without-resolve': 'off',
			// {' '} keeps a space between two blocks that a formatter's line break could otherwise lose.
			'svelte/no-useless-mustaches': 'off',
			// URLSearchParams is used only to build a link inside $derived, never kept and changed.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	}
);

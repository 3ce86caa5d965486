import { enhance } from '$app/forms';
import { tick } from 'svelte';
import type { ActionReturn } from 'svelte/action';

/**
 * `use:enhanceForm` on a plain `<form method="POST">`: the form still works without JavaScript,
 * and with it the page is not reloaded (decision 033).
 *
 * - Bad input (`fail(400, { values, issues })`): the page updates in place, what was typed stays
 *   (the fields re-render from `form.values`; a chosen file stays chosen), and focus moves to the
 *   error summary (or, on a page without one, to the first field marked invalid).
 * - Success: as without JavaScript. A redirect is followed; a redirect back to the same page
 *   empties the form as a reload would (SvelteKit resets the form itself after a plain success).
 * - While the request is on its way the form is `aria-busy` and its buttons `aria-disabled`;
 *   a second submit is dropped, so a double click files one case, not two.
 */
export function enhanceForm(form: HTMLFormElement): ActionReturn {
	let busy = false;
	const buttons = () =>
		Array.from(form.elements).filter(
			(el): el is HTMLButtonElement | HTMLInputElement =>
				(el instanceof HTMLButtonElement && el.type === 'submit') || (el instanceof HTMLInputElement && el.type === 'submit')
		);
	const setBusy = (on: boolean) => {
		busy = on;
		if (on) form.setAttribute('aria-busy', 'true');
		else form.removeAttribute('aria-busy');
		for (const button of buttons()) {
			if (on) button.setAttribute('aria-disabled', 'true');
			else button.removeAttribute('aria-disabled');
		}
	};

	return enhance(form, ({ cancel }) => {
		if (busy) return cancel();
		setBusy(true);
		return async ({ result, update }) => {
			try {
				await update();
				if (result.type === 'redirect' && form.isConnected) HTMLFormElement.prototype.reset.call(form);
				if (result.type === 'failure') await focusProblem(form);
			} finally {
				setBusy(false);
			}
		};
	});
}

/** After a failed submit: the error summary gets focus, so a screen reader reads it and Tab goes on to its links. */
async function focusProblem(form: HTMLFormElement) {
	await tick();
	const target =
		document.querySelector<HTMLElement>('.error-summary') ??
		(form.isConnected ? form.querySelector<HTMLElement>('[aria-invalid="true"]') : null);
	target?.focus();
}

import { redirect, type RequestEvent } from '@sveltejs/kit';
import { getOwnAccount } from '$lib/server/auth/get-own-account';
import { getTwoFactorState } from '$lib/server/auth/two-factor/get-two-factor-state';
import { startTwoFactorSetup } from '$lib/server/auth/two-factor/start-two-factor-setup';
import { confirmTwoFactorSetup } from '$lib/server/auth/two-factor/confirm-two-factor-setup';
import { turnOffTwoFactor } from '$lib/server/auth/two-factor/turn-off-two-factor';
import { presentTwoFactorSetup } from '$lib/server/auth/two-factor/present-two-factor-setup';
import { TWO_FACTOR_SETUP_PATH } from '$lib/server/auth/two-factor/setup-path';
import { runAction } from '$lib/server/http/errors';
import type { Actions, PageServerLoad } from './$types';

function requireActor({ locals }: Pick<RequestEvent, 'locals'>) {
	if (!locals.actor) redirect(303, `/logga-in?redirectTo=${encodeURIComponent(TWO_FACTOR_SETUP_PATH)}`);
	return locals.actor;
}

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { db } = event.locals;
	const state = await getTwoFactorState(db, actor.personId);
	// The hook decided before an action ran: once the set-up is confirmed, the notice is no longer true.
	const required = event.locals.mustSetUpTwoFactor === true && state.state !== 'on';
	const disabled = event.url.searchParams.has('avstangd');
	if (state.state === 'pending') {
		const me = await getOwnAccount(db, { actor });
		return { state: 'pending' as const, required, disabled, setup: await presentTwoFactorSetup(state.secret, me.email) };
	}
	if (state.state === 'on') {
		return {
			state: 'on' as const,
			required,
			disabled,
			enabledAt: state.enabledAt.toISOString(),
			recoveryCodesLeft: state.recoveryCodesLeft
		};
	}
	return { state: 'off' as const, required, disabled };
};

export const actions: Actions = {
	start: async (event) => {
		const actor = requireActor(event);
		return runAction(async () => {
			await startTwoFactorSetup(event.locals.db, { actor });
			redirect(303, TWO_FACTOR_SETUP_PATH);
		});
	},
	/** Answers with the recovery codes instead of a redirect: this response is the only time they are shown. */
	confirm: async (event) => {
		const actor = requireActor(event);
		const data = await event.request.formData();
		return runAction(
			async () => {
				const { recoveryCodes } = await confirmTwoFactorSetup(event.locals.db, {
					actor,
					code: String(data.get('code') ?? '').slice(0, 100)
				});
				return { recoveryCodes };
			},
			{ field: 'code' }
		);
	},
	turnOff: async (event) => {
		const actor = requireActor(event);
		const data = await event.request.formData();
		return runAction(
			async () => {
				await turnOffTwoFactor(event.locals.db, { actor, proof: String(data.get('proof') ?? '').slice(0, 1000) });
				redirect(303, `${TWO_FACTOR_SETUP_PATH}?avstangd`);
			},
			{ field: 'proof' }
		);
	}
};

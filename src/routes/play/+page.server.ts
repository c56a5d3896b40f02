import { redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { invalid, invalidField } from '$lib/server/form-result';
import { readNickname, readPin } from '$lib/quiz/live/game';
import { PLAYER_COOKIE, pinThrottle, setPlayerCookie } from '$lib/server/live/access';
import { findGameByPin, findPlayer, joinGame } from '$lib/server/live/games';
import { localizeLiveMessage } from '$lib/server/live/messages';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, cookies, locals }) => {
	const pin = readPin(url.searchParams.get('pin')) ?? '';
	// Already in this game (a reload, a scan of the code again): straight back in.
	const mine = findPlayer(db, cookies.get(PLAYER_COOKIE));
	if (
		pin &&
		mine &&
		mine.game.pin === pin &&
		mine.game.clock.phase !== 'ended' &&
		!mine.player.removed
	) {
		redirect(303, `/play/${pin}`);
	}
	return {
		pin,
		student:
			locals.user?.role === 'student' ? locals.user.displayName || locals.user.username : null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { form, message } = await readForm(event.request);
		if (!form) return invalid(400, { message, fields: { pin: '', nickname: '' } });
		const rawPin = String(form.get('pin') ?? '');
		const rawNickname = String(form.get('nickname') ?? '');
		const fields = { pin: rawPin.slice(0, 20), nickname: rawNickname.slice(0, 100) };
		const pin = readPin(rawPin);
		if (!pin) return invalidField(400, 'pin', { message: m.s_pin_six_digits(), fields });
		const address = event.getClientAddress();
		const wait = pinThrottle.begin(address);
		if (wait > 0) {
			return invalid(429, {
				message:
					wait < 90
						? m.s_pin_throttled_seconds({ count: wait })
						: m.s_pin_throttled_minutes({ count: Math.ceil(wait / 60) }),
				fields
			});
		}
		const game = findGameByPin(db, pin);
		if (!game) return invalidField(404, 'pin', { message: m.s_no_game_with_pin(), fields });
		pinThrottle.forgive(address);
		const user = event.locals.user;
		let nickname: string | null = null;
		if (user?.role !== 'student') {
			const read = readNickname(rawNickname);
			if (!read.ok) {
				const message = localizeLiveMessage(read.message);
				return invalidField(400, 'nickname', { message, fields });
			}
			nickname = read.name;
		}
		const joined = joinGame(db, game, { user, nickname });
		if (!joined.ok) {
			return invalid(joined.status, { message: localizeLiveMessage(joined.message), fields });
		}
		setPlayerCookie(event.cookies, event.url, joined.token);
		redirect(303, `/play/${pin}`);
	}
};

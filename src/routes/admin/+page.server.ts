import * as v from 'valibot';
import { db } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { formatDateTime } from '$lib/server/dates';
import { parseForm } from '$lib/server/forms';
import { done, invalid, refused } from '$lib/server/form-result';
import {
	createInvitation,
	listInvitations,
	listTeachers,
	revokeInvitation
} from '$lib/server/invitations';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return {
		invitations: listInvitations(db).map((i) => ({
			id: i.id,
			note: i.note,
			status: i.status,
			created: formatDateTime(i.createdAt),
			usedBy: i.usedBy
		})),
		teachers: listTeachers(db).map((t) => ({
			id: t.id,
			username: t.username,
			displayName: t.displayName,
			admin: t.admin,
			since: formatDateTime(t.createdAt),
			classCount: t.classCount
		}))
	};
};

const inviteSchema = v.object({
	note: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.maxLength(80, () => m.s_invitation_note_too_long({ max: 80 }))
		),
		''
	)
});

const revokeSchema = v.object({
	invitationId: v.pipe(
		v.string(() => m.s_choose_invitation()),
		v.regex(/^[0-9a-f-]{36}$/, () => m.s_choose_invitation())
	)
});

export const actions: Actions = {
	invite: async (event) => {
		const admin = requireAdmin(event);
		const parsed = await parseForm(event.request, inviteSchema);
		if (!parsed.ok) return refused(parsed);
		const { code } = createInvitation(db, admin.id, parsed.data.note);
		return { invited: { code, note: parsed.data.note } };
	},
	revoke: async (event) => {
		requireAdmin(event);
		const parsed = await parseForm(event.request, revokeSchema);
		if (!parsed.ok) return invalid(400, { message: parsed.message, fields: {} });
		if (!revokeInvitation(db, parsed.data.invitationId)) {
			return invalid(400, {
				message: m.s_cannot_revoke(),
				fields: {}
			});
		}
		return done({ success: m.s_invitation_revoked_notice() });
	}
};

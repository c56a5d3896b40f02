import { requireTeacher } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

// Every page and action below guards itself too; this only stops a layout render early.
export const load: LayoutServerLoad = (event) => {
	requireTeacher(event);
};

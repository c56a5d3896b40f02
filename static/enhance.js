// Progressive enhancement for every page: forms post in the background and the page is swapped
// in place (header, main, title), focus moves to what changed and a live region announces it.
// Without this script (or JavaScript) every form still works as a normal HTML form.
(() => {
	const announcer = () => document.getElementById('announcer');
	let busy = false;
	let clearing;

	function announce(message) {
		const region = announcer();
		if (!region) return;
		clearTimeout(clearing);
		region.textContent = '';
		setTimeout(() => (region.textContent = message.trim().replace(/\s+/g, ' ')), 50);
		// Once read out, the message is cleared so the page holds its text only once.
		clearing = setTimeout(() => (region.textContent = ''), 3000);
	}

	// Each page links its own stylesheets: load the new page's before showing it (no flash of
	// unstyled content), drop the old page's once it is gone.
	async function adoptStyles(next, url) {
		const sheets = 'link[rel="stylesheet"]';
		const current = new Map([...document.querySelectorAll(sheets)].map((l) => [l.href, l]));
		const loading = [];
		for (const link of next.querySelectorAll(sheets)) {
			// Links are relative to the page that names them (../_app/…).
			const href = new URL(link.getAttribute('href'), url).href;
			if (current.delete(href)) continue;
			const added = document.createElement('link');
			added.rel = 'stylesheet';
			added.href = href;
			loading.push(new Promise((done) => (added.onload = added.onerror = done)));
			document.head.append(added);
		}
		await Promise.all(loading);
		return [...current.values()];
	}

	// A form is known by where it posts and the ids it carries (which question, which student);
	// other hidden fields may change with the answer (a Disable button becomes Enable).
	const formKey = (form) =>
		[form.getAttribute('action') ?? '']
			.concat(
				[...form.querySelectorAll('input[type="hidden"][name$="Id"]')].map(
					(i) => `${i.name}=${i.value}`
				)
			)
			.join('&');

	/**
	 * Where focus goes on the new page: what it marks (data-focus), else an error, else the control
	 * that was used if the same page came back (a keyboard user keeps their place in a long list),
	 * else a success message, else the top of the page.
	 */
	function focusTarget(main, sameForm) {
		const marked = main.querySelector('[data-focus]') ?? main.querySelector('[role="alert"] > *');
		if (marked) return marked;
		if (sameForm) {
			const form = [...main.querySelectorAll('form')].find((f) => formKey(f) === sameForm);
			const control = form?.querySelector('button, [type="submit"]');
			if (control) return control;
		}
		return main.querySelector('[role="status"] > *');
	}

	async function swap(html, url, push, sameForm) {
		const next = new DOMParser().parseFromString(html, 'text/html');
		const stale = await adoptStyles(next, url);
		for (const selector of ['header.site-header', 'main', 'footer.site-footer']) {
			const current = document.querySelector(selector);
			const incoming = next.querySelector(selector);
			if (current && incoming) current.replaceWith(document.adoptNode(incoming));
		}
		document.title = next.title;
		// The language switcher changes the language of the whole page.
		if (next.documentElement.lang) document.documentElement.lang = next.documentElement.lang;
		stale.forEach((link) => link.remove());
		if (push && url !== location.href) history.pushState({ enhanced: true }, '', url);
		shown = pageOf(location.href);
		const main = document.querySelector('main');
		const focus = main && focusTarget(main, sameForm);
		const target = focus ?? main;
		if (target) {
			if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
			target.focus({ preventScroll: true });
			// data-focus="start" puts what it marks at the top of the screen (a quiz's verdict, with
			// the next question below it on a phone); other marks only come into view.
			const block = !focus || focus.dataset.focus === 'start' ? 'start' : 'nearest';
			target.scrollIntoView({ block });
		}
		const message = main?.querySelector('[data-announce]')?.textContent ?? next.title;
		announce(message);
	}

	document.addEventListener('submit', async (event) => {
		const form = event.target;
		if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
		// A form that deletes or replaces something asks first (data-confirm holds the question).
		if (form.dataset.confirm && !form.dataset.confirmed && !confirm(form.dataset.confirm)) {
			event.preventDefault();
			return;
		}
		if (form.hasAttribute('data-no-enhance') || event.defaultPrevented) return;
		event.preventDefault();
		if (busy) return;
		busy = true;
		// Read before the buttons are disabled: a disabled submitter's name and value are left out
		// (the language switcher's buttons carry the language).
		const body = new FormData(form, event.submitter);
		const buttons = form.querySelectorAll('button');
		buttons.forEach((b) => (b.disabled = true));
		try {
			const response = await fetch(form.action, {
				method: 'POST',
				body,
				headers: { accept: 'text/html' }
			});
			const type = response.headers.get('content-type') ?? '';
			// Not a page (a file, say): let the browser open it, without posting the form again.
			if (!type.includes('text/html')) location.assign(response.url);
			else {
				// The page came back, not another one (an action's address is the page's plus ?/name).
				const samePage = new URL(response.url).pathname === location.pathname;
				await swap(await response.text(), response.url, true, samePage ? formKey(form) : null);
			}
		} catch {
			// No answer at all: fall back to a normal submission, which shows the browser's error.
			form.setAttribute('data-no-enhance', '');
			form.dataset.confirmed = 'yes'; // asked once already
			buttons.forEach((b) => (b.disabled = false));
			form.requestSubmit(event.submitter ?? undefined);
		} finally {
			busy = false;
		}
	});

	// Back and forward across pages swapped in place: load the page the address now names.
	// A change of #fragment alone (skip link, sentence anchors) is left to the browser.
	const pageOf = (href) => href.split('#')[0];
	let shown = pageOf(location.href);
	window.addEventListener('popstate', () => {
		if (pageOf(location.href) !== shown) location.reload();
	});
})();

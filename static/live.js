// Live game pages (the host's projector and the players' phones): events from the server over
// server-sent events, or polling when a stream cannot be kept open. The pages work without this
// script too (a player's page reloads itself every few seconds and answers post as forms).
(() => {
	const root = () => document.getElementById('live');
	const first = root();
	if (!first) return;
	const role = first.dataset.role;
	const eventsUrl = first.dataset.events;
	const stateUrl = first.dataset.state;
	const CHOICES = [
		['A', '▲', '#b3261e'],
		['B', '◆', '#1a4fc4'],
		['C', '●', '#7a5c00'],
		['D', '■', '#146c2e'],
		['E', '★', '#6b3fa0'],
		['F', '⬟', '#0b5d6b']
	];

	// The page's words (in its language), from #live-texts; {name} marks where a value goes.
	function text(key, values = {}) {
		const words = document.getElementById('live-texts')?.dataset[key] ?? '';
		return words.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
	}
	/** A text split around one value, so the value can be an element of its own. */
	function around(key, name, node) {
		const [before, after = ''] = text(key).split(`{${name}}`);
		return [before, node, after];
	}
	const sourceLang = () => document.getElementById('live-texts')?.dataset.lang || null;

	function announce(text) {
		const region = document.getElementById('announcer');
		if (!region || !text) return;
		region.textContent = '';
		setTimeout(() => (region.textContent = text.trim().replace(/\s+/g, ' ')), 50);
	}

	// Countdown: each timer counts down from what the server said was left when it was drawn.
	function tick() {
		for (const timer of document.querySelectorAll('[data-closes-in]')) {
			if (!timer.dataset.deadline) {
				timer.dataset.deadline = String(Date.now() + Number(timer.dataset.closesIn || 0));
			}
			const left = Math.max(0, Math.ceil((Number(timer.dataset.deadline) - Date.now()) / 1000));
			const shown = timer.querySelector('[data-seconds-left]');
			if (shown && shown.textContent !== String(left)) shown.textContent = String(left);
		}
	}
	setInterval(tick, 250);

	// The page again from the server, swapped in place (one at a time, the latest wins).
	let refreshing = null;
	let again = false;
	async function refresh() {
		if (refreshing) {
			again = true;
			return;
		}
		refreshing = (async () => {
			try {
				const response = await fetch(location.pathname, { headers: { accept: 'text/html' } });
				if (response.redirected && !new URL(response.url).pathname.startsWith(location.pathname)) {
					location.href = response.url;
					return;
				}
				const next = new DOMParser().parseFromString(await response.text(), 'text/html');
				const fresh = next.getElementById('live');
				const current = root();
				if (!fresh || !current) return;
				// Focus in the game, or nowhere (a tapped button that was then disabled lets it go).
				const active = document.activeElement;
				const hadFocus = !active || active === document.body || current.contains(active);
				const phaseChanged =
					fresh.dataset.phase !== current.dataset.phase ||
					fresh.dataset.current !== current.dataset.current;
				current.replaceWith(fresh);
				document.title = next.title;
				if (phaseChanged) {
					announce(fresh.querySelector('[data-announce]')?.textContent ?? '');
					const target =
						fresh.querySelector('[data-focus]') ??
						(hadFocus ? fresh.querySelector('h1, h2') : null);
					if (target) {
						if (!target.matches('button, a, input')) target.setAttribute('tabindex', '-1');
						target.focus();
					}
				}
			} catch {
				// Offline for a moment: the next event or poll tries again.
			}
		})();
		await refreshing;
		refreshing = null;
		if (again) {
			again = false;
			refresh();
		}
	}
	let pending = null;
	function refreshSoon(delay = 150) {
		if (pending) return;
		pending = setTimeout(() => {
			pending = null;
			refresh();
		}, delay);
	}

	function el(tag, attrs, ...children) {
		const node = document.createElement(tag);
		for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
		for (const c of children) node.append(c);
		return node;
	}

	// A question drawn straight from its event (no round trip): every phone gets it at once.
	function showQuestion(state) {
		const view = document.getElementById('live-view');
		const live = root();
		const q = state.question;
		if (!view || !live || !q) return refresh();
		live.dataset.phase = 'question';
		live.dataset.current = String(state.current);
		live.dataset.answered = 'no';
		const ack = document.getElementById('live-ack');
		if (ack) ack.textContent = '';
		// The question keeps its source's language.
		const lang = sourceLang() ? { lang: sourceLang() } : {};
		const form = el('form', {
			method: 'POST',
			action: `/play/${live.dataset.pin}/answer`,
			class: 'live-answer-form',
			'data-no-enhance': '',
			'data-live-answer': ''
		});
		form.append(el('input', { type: 'hidden', name: 'position', value: String(state.current) }));
		if (q.options.length) {
			const group = el('div', {
				class: 'live-answer-form',
				role: 'group',
				'aria-labelledby': 'live-prompt'
			});
			q.options.forEach((option, i) => {
				const [letter, shape, colour] = CHOICES[i % CHOICES.length];
				group.append(
					el(
						'button',
						{
							type: 'submit',
							name: 'response',
							value: option,
							class: 'live-choice',
							style: `--choice: ${colour}`
						},
						el('span', { class: 'live-mark', 'aria-hidden': 'true' }, shape),
						el('span', { class: 'live-letter' }, letter),
						el('span', lang, option)
					)
				);
			});
			form.append(group);
		} else {
			const input = el('input', {
				id: 'live-typed',
				name: 'response',
				type: 'text',
				required: '',
				maxlength: '200',
				autocomplete: 'off',
				inputmode: q.type === 'numeric' ? 'decimal' : 'text'
			});
			form.append(el('label', { for: 'live-typed' }, text('yourAnswer')));
			if (q.unit) {
				input.setAttribute('aria-describedby', 'live-unit');
				form.append(
					el(
						'p',
						{ class: 'hint', id: 'live-unit' },
						...around('unit', 'unit', el('span', lang, q.unit))
					)
				);
			}
			form.append(input, el('button', { type: 'submit' }, text('send')));
		}
		const seconds = el(
			'span',
			{ 'data-seconds-left': '' },
			String(Math.ceil((state.closesIn || 0) / 1000))
		);
		view.replaceChildren(
			el(
				'h1',
				{ class: 'live-qhead', tabindex: '-1' },
				text('questionOf', { current: state.current + 1, total: state.total })
			),
			el(
				'p',
				{ class: 'live-timer', 'data-closes-in': String(state.closesIn || 0) },
				...around('left', 'seconds', seconds)
			),
			el('p', { class: 'live-prompt', id: 'live-prompt', ...lang }, q.prompt),
			form
		);
		announce(text('announceQuestion', { number: state.current + 1, prompt: q.prompt }));
		view.querySelector('h1').focus();
		tick();
	}

	// Answers are posted and acknowledged; a lost connection retries until the question closes
	// (the server counts an answer once however often it arrives).
	document.addEventListener('submit', async (event) => {
		const form = event.target;
		if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-live-answer')) return;
		event.preventDefault();
		const data = new FormData(form, event.submitter);
		const body = JSON.stringify({
			position: Number(data.get('position')),
			response: data.get('response')
		});
		const buttons = form.querySelectorAll('button, input');
		buttons.forEach((b) => (b.disabled = true));
		if (event.submitter) event.submitter.setAttribute('aria-pressed', 'true');
		const ack = document.getElementById('live-ack');
		for (let tries = 0; tries < 20; tries++) {
			try {
				const response = await fetch(form.action, {
					method: 'POST',
					headers: { 'content-type': 'application/json', accept: 'application/json' },
					body
				});
				const result = await response.json();
				if (result.ok) {
					// The question may have closed and its verdict been drawn while this was on its way.
					if (!form.isConnected) return;
					root().dataset.answered = 'yes';
					const view = document.getElementById('live-view');
					const timer = view.querySelector('[data-closes-in]');
					const heading = el('h1', { tabindex: '-1' }, text('sent'));
					view.replaceChildren(heading, ...(timer ? [timer] : []), el('p', {}, text('wait')));
					heading.focus();
					announce(text('sent'));
				} else {
					if (ack) ack.textContent = result.message;
					if (response.status === 400) buttons.forEach((b) => (b.disabled = false));
					else refreshSoon(1500);
				}
				return;
			} catch {
				if (ack) ack.textContent = text('offline');
				await new Promise((done) => setTimeout(done, 1000));
			}
		}
	});

	function onEvent(name, data) {
		if (role === 'host') return refreshSoon(name === 'answered' || name === 'players' ? 300 : 50);
		const live = root();
		if (name === 'question') return showQuestion(data);
		if (name === 'state') {
			const same =
				data.phase === live.dataset.phase &&
				String(data.current) === live.dataset.current &&
				(data.answered ? 'yes' : 'no') === live.dataset.answered &&
				!data.removed;
			if (!same) refresh();
			return;
		}
		refresh();
	}

	// Polling: what a page does when it cannot hold a stream open (a proxy, an old browser).
	let polling = null;
	function poll() {
		if (polling) return;
		polling = setInterval(async () => {
			if (role === 'host' || !stateUrl) return refresh();
			try {
				const response = await fetch(stateUrl, { headers: { accept: 'application/json' } });
				if (response.ok) onEvent('state', await response.json());
				else refresh();
			} catch {
				// offline: try again next time
			}
		}, 2000);
	}

	function connect() {
		if (!('EventSource' in window)) return poll();
		const source = new EventSource(eventsUrl);
		let opened = false;
		const fallback = setTimeout(() => {
			if (!opened) {
				source.close();
				poll();
			}
		}, 6000);
		source.onopen = () => {
			opened = true;
			clearTimeout(fallback);
			if (polling) clearInterval(polling);
			polling = null;
		};
		source.onerror = () => {
			if (source.readyState === EventSource.CLOSED) {
				clearTimeout(fallback);
				poll();
			}
		};
		for (const name of ['state', 'question', 'closed', 'ended', 'removed', 'players', 'answered']) {
			source.addEventListener(name, (e) => onEvent(name, JSON.parse(e.data)));
		}
	}
	connect();
	// Back from a locked screen: catch up at once rather than at the next event.
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') refreshSoon(0);
	});
})();

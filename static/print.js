// A page's "Print" button (data-print): shown and working only where JavaScript runs.
(() => {
	for (const button of document.querySelectorAll('[data-print]')) {
		button.hidden = false;
		button.addEventListener('click', () => window.print());
	}
})();

// Pages are rendered on the server and work without JavaScript; static/enhance.js (under 2 kB gzip)
// makes forms submit in place. No framework runtime is shipped to the browser.
export const csr = false;

// Pages are rendered on the server and work without JavaScript; static/enhance.js (about 1 kB)
// makes forms submit in place. No framework runtime is shipped to the browser.
export const csr = false;

// Messaging Quota: readies the browser's Intl off the page's main thread. The first
// Intl.NumberFormat in a renderer builds V8's list of available locales, once for the whole
// process: 20–50 ms on a desktop, a long task on a slow phone. Done here, in a worker, the
// page's own first Intl call finds it done. Started by the loader, which ends it after the
// answer. Formats nothing the page sees.
new Intl.NumberFormat().format(0);
new Intl.DateTimeFormat().format(0);
new Intl.PluralRules().select(1);
postMessage('ready');

// A host that counts checkouts before letting the browser follow the link (analytics, say).
// It could call event.preventDefault() to run its own checkout flow instead.
document.addEventListener('messaging-quota:checkout', (event) => {
  const { tier, billing, currency, month_cents: cents, source } = event.detail;
  console.info(`checkout: ${tier}, billed ${billing}, ${cents} ${currency} a month, from the ${source}`);
});

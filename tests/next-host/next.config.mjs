// Exported as static files (`out/`): the page is rendered once, at build time, by its server
// component; host.test.mjs serves them as a CDN would.
export default {
  output: 'export',
  // The widget's files are named by their content already.
  images: { unoptimized: true },
};

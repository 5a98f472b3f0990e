// The npm package's command: `npx messaging-quota prerender 'site/**/*.html'` (embed/prerender.js).
import { main } from './prerender.js';

const [command, ...args] = process.argv.slice(2);
if (command === 'prerender') {
  process.exitCode = await main(args);
} else {
  console.error('usage: messaging-quota prerender [--root DIR] [--today YYYY-MM-DD] FILE-OR-GLOB...');
  process.exitCode = 2;
}

// A server component page: it draws the widget ahead (messaging-quota/server) and renders the
// React component with the drawing, so the plan's figures are in the HTML Next.js writes.
import { renderToString } from 'messaging-quota/server';
import { Plans } from './plans.js';

/** The widget's attributes, as the component writes them for these props. */
const attributes = { tier: 'sales-navigator', addons: '100x1', sections: 'calculator', loading: 'eager', today: '2026-03-10' };

export default async function Page() {
  const shadow = await renderToString(attributes);
  return (
    <main>
      <h1>Plans</h1>
      <Plans shadow={shadow} />
    </main>
  );
}

/**
 * The bare page bench:tickets measures the queue page against (issue 14, item 19): a SvelteKit app of one page that
 * runs one SQL query for the rows the queue's first page shows and renders them in a table, with nothing else — no
 * session, no policies, no layout, no translations. Same SvelteKit, adapter and start script as Rödtråd, so the
 * difference in server CPU per page is what Rödtråd's page does on top. Built by bench/tickets.ts into
 * bench/tickets/bare/build (`npx vite build` in this folder); not part of the product.
 */
import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [sveltekit({ adapter: adapter() })]
});

import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Runes everywhere: no `export let`, no `$:`.
    runes: true,
  },
  kit: {
    // Rules the server and the pages share, from one source: the server's pure calendar and the
    // regulation's reference data (the predikat matrix).
    alias: {
      $kernel: '../server/src/kernel',
      $reference: '../server/src/db/reference',
    },
    // A single-page app: the API server serves build/ and answers unknown paths with index.html.
    adapter: adapter({
      pages: 'build',
      assets: 'build',
      fallback: 'index.html',
      strict: true,
    }),
  },
};

export default config;

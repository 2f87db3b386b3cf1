import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { graphqlDocuments } from './graphql-documents.vite.js';

// The API server (pnpm start, or the server's dev command) listens here.
const apiServer = 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [graphqlDocuments(), sveltekit()],
  server: {
    // $kernel and $reference (svelte.config.js) live in the server's folder.
    fs: { allow: ['../server/src/kernel', '../server/src/db/reference'] },
    proxy: {
      // HTTP and WebSocket (graphql-transport-ws) share the path; keep the browser's Host so the
      // session cookie belongs to the dev origin.
      '/graphql': { target: apiServer, ws: true },
      '/healthz': { target: apiServer },
    },
  },
  test: {
    // Unit tests of lib/ code (catalogues, error messages); the browser tests are e2e/run.mjs.
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The console is served by the service at /console (apps/api/src/console/serve-console.ts).
 * `npm run dev:console` proxies the API to a service on :3000.
 */
export default defineConfig({
  root,
  base: '/console/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    proxy: Object.fromEntries(
      ['/applications', '/programmes', '/dashboards', '/overdue-steps', '/alerts', '/beneficiaries', '/officers', '/dev'].map((path) => [path, 'http://localhost:3000']),
    ),
  },
});

import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/**
 * The console is built into dist/console, which the API serves at / (ServeStaticModule).
 * `npm run dev:console` runs Vite's dev server with the API's routes proxied to a running API
 * (CONSOLE_API_URL, default http://localhost:3000).
 */
const api = process.env.CONSOLE_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/api': api, '/health': api, '/admin/queues': api },
  },
});

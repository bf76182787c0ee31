import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 4000 },
  server: { port: 5173 },
  // Vite pre-bundles what it finds from index.html; packages loaded lazily (ELK in the layout
  // worker, mermaid, Dexie, Yjs, html-to-image...) were found only when first used, and Vite then
  // re-bundled and reloaded the page. Crawling every browser source file finds them all at start.
  optimizeDeps: { entries: ['index.html', 'src/**/*.{ts,tsx}', '!src/cli/**', '!src/layout/nodeElk.ts'] },
  preview: { port: 4173 },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// Builds the plain React Flow reference page used by the canvas benchmark.
export default defineConfig({
  root: fileURLToPath(new URL('./plain', import.meta.url)),
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: fileURLToPath(new URL('../../dist-bench/plain', import.meta.url)), emptyOutDir: true },
});

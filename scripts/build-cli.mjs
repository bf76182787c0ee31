// Bundles the command line into dist-cli/: main.mjs (the `faultline` bin) and worker.mjs (a
// simulation thread), split so each command loads only what it needs. Packages stay in
// node_modules (mermaid, jsdom and ELK load only for the commands that read Mermaid or lay out).
// Runs on `npm install` (the prepare script) and with `npm run build:cli`.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';

rmSync('dist-cli', { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts', worker: 'src/cli/cliWorker.ts' },
  outdir: 'dist-cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  // Chunks beside the entries: a chunk finds worker.mjs next to itself.
  chunkNames: '[name]-[hash]',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
chmodSync('dist-cli/main.mjs', 0o755);

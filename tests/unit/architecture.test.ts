// The dependency rules of DESIGN.md, checked on the source: pure layers import no React, React
// Flow or Dexie, and no module reaches itself again through its runtime imports.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');
const PURE = ['model', 'sim', 'mermaid', 'layout', 'files', 'playback', 'editor', 'templates', 'collab', 'interview', 'scene', 'video', 'postmortem'];
const UI_PACKAGES = /^(react|react-dom|@xyflow\/react|dexie|dexie-react-hooks|zustand\/react|lucide-react)(\/|$)/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Runtime imports of a file (type-only imports are erased and cannot form a cycle). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)([^;]*?)\s+from\s+'([^']+)'/gms)) {
    const names = m[1];
    // `import { type A, type B } from` is type-only as well.
    if (
      /^\{[^}]*\}$/.test(names.trim()) &&
      names
        .replace(/[{}\s]/g, '')
        .split(',')
        .every((n) => n === '' || n.startsWith('type'))
    )
      continue;
    found.push(m[2]);
  }
  for (const m of text.matchAll(/^import\s+'([^']+)'/gm)) found.push(m[1]);
  return found;
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next
    }
  }
  return null;
}

const all = files(SRC);
const graph = new Map(all.map((f) => [f, imports(f)]));

describe('architecture', () => {
  it('keeps React, React Flow and Dexie out of the pure layers', () => {
    const offenders: string[] = [];
    for (const [file, specs] of graph) {
      const layer = relative(SRC, file).split('/')[0];
      if (!PURE.includes(layer)) continue;
      for (const spec of specs)
        if (UI_PACKAGES.test(spec) || /\/(ui|canvas|persistence)\//.test(`/${spec}`)) offenders.push(`${relative(SRC, file)} imports ${spec}`);
    }
    expect(offenders).toEqual([]);
  });

  it('decides kind behaviour in the catalog: no comparisons of a node kind with a literal elsewhere', () => {
    const kinds = [
      'client',
      'dns',
      'cdn',
      'loadBalancer',
      'apiGateway',
      'service',
      'worker',
      'cache',
      'database',
      'queue',
      'stream',
      'search',
      'objectStore',
      'external',
      'group',
      'step',
      'note',
    ];
    const pattern = new RegExp(`kind\\s*[!=]==\\s*'(${kinds.join('|')})'|'(${kinds.join('|')})'\\s*[!=]==\\s*[\\w.?]*kind\\b`);
    const offenders = all
      .filter((f) => !f.endsWith('model/catalog.ts'))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => (pattern.test(line) ? `${relative(SRC, f)}:${i + 1}: ${line.trim()}` : null))
          .filter((x): x is string => x !== null),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps app state in the Editor: no module-level let outside the documented exceptions', () => {
    // loadMermaid.ts serialises mermaid's own global renderer (docs/decisions.md); a worker's
    // module scope is that worker's alone.
    const allowed = new Set(['mermaid/loadMermaid.ts']);
    const offenders = all
      .filter((f) => !allowed.has(relative(SRC, f)) && !f.endsWith('.worker.ts'))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => (/^(export\s+)?(let|var)\s/.test(line) ? `${relative(SRC, f)}:${i + 1}: ${line.trim()}` : null))
          .filter((x): x is string => x !== null),
      );
    expect(offenders).toEqual([]);
  });

  it('lets the app shell use the canvas, never the canvas the app shell', () => {
    const offenders: string[] = [];
    for (const [file, specs] of graph) {
      if (relative(SRC, file).split('/')[0] !== 'canvas') continue;
      for (const spec of specs) {
        const target = resolveLocal(file, spec);
        if (target && relative(SRC, target).startsWith('ui/')) offenders.push(`${relative(SRC, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'active' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'active');
      stack.push(file);
      for (const spec of graph.get(file) ?? []) {
        const next = resolveLocal(file, spec);
        if (!next || !graph.has(next)) continue;
        if (state.get(next) === 'active')
          cycles.push(
            stack
              .slice(stack.indexOf(next))
              .concat(next)
              .map((f) => relative(SRC, f))
              .join(' -> '),
          );
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of all) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});

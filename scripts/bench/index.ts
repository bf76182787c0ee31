// `npm run bench [-- name...]`: runs the benchmarks and prints their figures with the inputs named.
import { runBudgetBench } from './budget';
import { runCollabBench } from './collab';
import { runEditorBench } from './editor';
import { runImportBench } from './mermaid';
import { runPersistenceBench } from './persistence';
import { runReplayBench } from './replay';
import { runSessionBench } from './session';
import { runSimBench } from './sim';

const BENCHES: Record<string, () => Promise<Record<string, string | number>>> = {
  editor: runEditorBench,
  sim: runSimBench,
  import: runImportBench,
  storage: runPersistenceBench,
  replay: runReplayBench,
  collab: runCollabBench,
  session: runSessionBench,
  budget: runBudgetBench,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);

for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n## ${name}\n`);
  const started = Date.now();
  const figures = await bench();
  for (const [k, v] of Object.entries(figures)) console.log(`| ${k} | ${v} |`);
  console.log(`\n(${name} took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

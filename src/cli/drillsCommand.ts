// `npm run cli -- drills [template.md ...]`: runs every drill of the question bank (or of the
// files given) and says, outcome by outcome, whether each shows what it claims.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { layoutDiagram } from '../layout/layoutDiagram';
import { createNodeElk } from '../layout/nodeElk';
import { parseTemplate } from '../templates/parseTemplate';
import { runDrills } from '../templates/runDrill';
import { readInput, type CliIo } from './io';
import { installMermaidDom } from './nodeDom';

export const DRILLS_USAGE = 'npm run cli -- drills [template.md ...]   (every drill of templates/ when none is given)';

export function templateFiles(dir = 'templates'): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(dir, f));
}

export async function drillsCommand(args: string[], io: CliIo): Promise<number> {
  installMermaidDom();
  const files = args.length > 0 ? args : templateFiles();
  const elk = createNodeElk();
  let failed = 0;
  for (const path of files) {
    const template = parseTemplate(readInput(io, path, 'template'));
    io.out(`${template.title} (${path})\n`);
    for (const r of await runDrills(template, (d) => layoutDiagram(d, elk))) {
      const ok = r.checks.every((c) => c.met) && (r.fixed?.checks.every((c) => c.met) ?? true);
      if (!ok) failed++;
      io.out(`  ${ok ? 'ok  ' : 'FAIL'} ${r.drill.title}\n`);
      for (const c of r.checks) io.out(`       ${c.met ? '✓' : '✗'} ${c.text}\n`);
      if (r.fixed) {
        io.out(`       with the fix (${r.drill.fix!.title}):\n`);
        for (const c of r.fixed.checks) io.out(`       ${c.met ? '✓' : '✗'} ${c.text}\n`);
      }
    }
  }
  io.out(failed === 0 ? 'Every drill shows what it says.\n' : `${failed} drill(s) do not show what they say.\n`);
  return failed === 0 ? 0 : 1;
}

import { readFileSync } from 'node:fs';
import { installMermaidDom } from '../src/cli/nodeDom';
import { layoutDiagram } from '../src/layout/layoutDiagram';
import { nodeElk } from '../src/layout/nodeElk';
import { importMermaid } from '../src/mermaid/importMermaid';
installMermaidDom();
const elk = nodeElk();
for (const name of process.argv.slice(2)) {
  const { diagram } = await importMermaid(readFileSync(`tests/fixtures/seeds/${name}.mmd`, 'utf8'), name, (d) => layoutDiagram(d, elk));
  console.log(`== ${name}`);
  console.log(diagram.nodes.map((n) => `${n.id}[${n.kind}${n.parentId ? ' in ' + n.parentId : ''}] ${JSON.stringify(n.label)}`).join('\n'));
  console.log(diagram.edges.map((e) => `${e.source}->${e.target}${e.mode === 'async' ? ' (async)' : ''}`).join(', '));
}

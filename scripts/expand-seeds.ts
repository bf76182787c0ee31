// Authoring aid: turns "<<seed 002-02>>" lines of a template draft into the seed's Mermaid
// fence, byte for byte, so the bank's diagrams are copied exactly.
import { readFileSync, writeFileSync } from 'node:fs';
const [from, to] = process.argv.slice(2);
const text = readFileSync(from, 'utf8').replace(
  /^<<seed ([\w-]+)>>$/gm,
  (_, name: string) => `\`\`\`mermaid\n${readFileSync(`tests/fixtures/seeds/${name}.mmd`, 'utf8').replace(/\n$/, '')}\n\`\`\``,
);
writeFileSync(to, text);

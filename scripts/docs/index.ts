// `npm run docs`: rewrites the generated parts of the docs from the code.
import { readFileSync, writeFileSync } from 'node:fs';
import { withSchemaTables } from './schemaTables';

const path = 'docs/formats.md';
const before = readFileSync(path, 'utf8');
const after = withSchemaTables(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? `${path} is up to date` : `${path} rewritten from the schema`);

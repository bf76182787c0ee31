// ELK for Node, tests and the CLI: the bundled build runs in-process.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkLike } from './layoutDiagram';

let instance: ElkLike | null = null;

export function nodeElk(): ElkLike {
  instance ??= new ELK();
  return instance;
}

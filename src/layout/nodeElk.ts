// ELK for Node, tests and the CLI: the bundled build runs in-process. Each caller makes one and
// keeps it (an ELK instance is cheap to keep, and holds no state between layouts).
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkLike } from './layoutDiagram';

export function createNodeElk(): ElkLike {
  return new ELK();
}

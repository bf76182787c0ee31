// Mermaid sanitises labels with DOMPurify, which needs a DOM. Node has none: the CLI and tests
// install a jsdom window before mermaid is first loaded. (In the browser this is not needed.)
import { JSDOM } from 'jsdom';

export function installMermaidDom(): void {
  if (typeof (globalThis as { window?: unknown }).window !== 'undefined') return;
  const { window } = new JSDOM('');
  // Option: mermaid's sequence parser checks a box's colour with `new Option().style`.
  Object.assign(globalThis, { window, document: window.document, Option: window.Option });
}

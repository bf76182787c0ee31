// Mermaid sanitises labels with DOMPurify, which needs a DOM. Node has none: the CLI and tests
// install a jsdom window before mermaid is first loaded. (In the browser this is not needed.)
import { JSDOM } from 'jsdom';

export function installMermaidDom(): void {
  if (typeof (globalThis as { window?: unknown }).window !== 'undefined') return;
  const { window } = new JSDOM('');
  // A sequence diagram's `box` colour is checked with CSS.supports in a browser; jsdom has no CSS
  // object, and mermaid's fallback (`new Option().style`) refuses "Purple" where a browser takes
  // it. The same check the browser makes, on jsdom's own style parser, keeps both readings equal.
  const supports = (property: string, value?: string) => {
    if (value === undefined) return false;
    const style = new window.Option().style;
    style.setProperty(property, value);
    return style.getPropertyValue(property) !== '';
  };
  Object.assign(window, { CSS: { supports } });
  Object.assign(globalThis, { window, document: window.document, Option: window.Option });
}

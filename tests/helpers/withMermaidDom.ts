// Imported first by tests that parse Mermaid: gives mermaid's DOMPurify a DOM in Node.
import { installMermaidDom } from '../../src/cli/nodeDom';

installMermaidDom();

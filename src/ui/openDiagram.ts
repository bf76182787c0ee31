// Opening a diagram that did not come from the library (an import, a template, a file): it is
// stored as a new diagram and opened.
import type { Diagram } from '../model';

export async function openNewDiagram(diagram: Diagram, notice?: string): Promise<void> {
  const { session } = await import('./library/session');
  await session.adopt(diagram, notice);
}

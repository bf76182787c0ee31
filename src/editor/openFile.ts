// Reading a .faultline.json a person picked: the diagram as a new one (it never replaces one
// already stored) and what to tell them, with what was repaired or left out in each field's words.
import type { Diagram } from '../model';
import { newId } from '../model';
import type { FileLike } from './ports';

/** Throws an error whose message names the file and says what is wrong with it. */
export async function diagramFromFile(file: FileLike): Promise<{ diagram: Diagram; message: string }> {
  const { parseDiagramFile } = await import('../files/diagramFile');
  try {
    const { diagram, report } = parseDiagramFile(await file.text());
    const note = report.dropped > 0 ? ` (${report.dropped} damaged parts were repaired or left out: ${report.messages.join('; ')})` : '';
    return { diagram: { ...diagram, id: newId('d') }, message: `Opened ${file.name}${note}` };
  } catch (error) {
    throw new Error(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

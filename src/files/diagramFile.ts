// The .faultline.json file: { format: "faultline", version: 1, diagram }. A bare diagram object
// (what the CLI's users write by hand) is read too. The outer shape is checked with valibot;
// the records inside are restored one by one (restoreDiagram).
import * as v from 'valibot';
import type { Diagram } from '../model';
import { restoreDiagram, type Restored } from './restoreDiagram';
import { isRecord } from './restore';

export const FILE_FORMAT = 'faultline';
export const FILE_VERSION = 1;
/** Files past this size are refused before parsing. */
export const FILE_SIZE_LIMIT = 25 * 1024 * 1024;

const DiagramShape = v.looseObject({
  nodes: v.array(v.unknown(), 'The diagram has no list of nodes.'),
  edges: v.optional(v.array(v.unknown(), 'The diagram\'s "edges" is not a list.')),
  scenarios: v.optional(v.array(v.unknown(), 'The diagram\'s "scenarios" is not a list.')),
});

const FileShape = v.looseObject({
  format: v.literal(FILE_FORMAT),
  version: v.pipe(v.number('The file has no version number.'), v.integer(), v.minValue(1)),
  diagram: DiagramShape,
});

export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileError';
  }
}

export function parseJson(text: string, what = 'file'): unknown {
  if (text.length > FILE_SIZE_LIMIT) throw new FileError(`This ${what} is larger than ${FILE_SIZE_LIMIT / 1024 / 1024} MB, more than any diagram needs.`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FileError(`This ${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/** Reads a diagram from file text; throws FileError with a message for people. */
export function parseDiagramFile(text: string): Restored {
  const raw = parseJson(text);
  if (isRecord(raw) && 'format' in raw) {
    if (raw.format !== FILE_FORMAT) throw new FileError(`This is not a Faultline file (its format is "${String(raw.format).slice(0, 40)}").`);
    const checked = v.safeParse(FileShape, raw);
    if (!checked.success) throw new FileError(`This Faultline file is damaged: ${checked.issues[0].message}`);
    if (checked.output.version > FILE_VERSION)
      throw new FileError(`This file was written by a newer version of Faultline (file version ${checked.output.version}). Update the app to open it.`);
    return restore(checked.output.diagram);
  }
  const bare = v.safeParse(DiagramShape, raw);
  if (!bare.success) throw new FileError(`This is not a Faultline diagram: ${bare.issues[0].message}`);
  return restore(bare.output);
}

function restore(raw: unknown): Restored {
  try {
    return restoreDiagram(raw);
  } catch (error) {
    throw new FileError(error instanceof Error ? error.message : String(error));
  }
}

export function serializeDiagramFile(diagram: Diagram): string {
  return JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, diagram }, null, 2);
}

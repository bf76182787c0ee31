// A list the library keeps for the open diagram (its runs, its studies), read again whenever the
// diagram changes or `version` is bumped; null until the first read is in.
import { useEffect, useState } from 'react';
import type { EditorStorage } from '../editor/ports';
import { useDocument, useEditor } from '../react/editorContext';

export function useDiagramList<T>(version: number, read: (storage: EditorStorage, diagramId: string) => Promise<T[]> | T[]): T[] | null {
  const editor = useEditor();
  const diagramId = useDocument((s) => s.diagram.id);
  const [list, setList] = useState<T[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the refetch signal; read is a new function every render and reads only what the other deps name
  useEffect(() => {
    let live = true;
    void editor.storageReady
      .then((s) => read(s, diagramId))
      .then((l) => live && setList(l))
      .catch(() => live && setList([]));
    return () => {
      live = false;
    };
  }, [editor, diagramId, version]);
  return list;
}

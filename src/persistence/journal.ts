// The last-second safety net. An IndexedDB write started while a page closes may never finish;
// localStorage writes are synchronous. On pagehide the unsaved diagram goes here too, and the
// next start puts it back if nothing newer was saved since.
import type { Diagram } from '../model';

export interface JournalEntry {
  diagramId: string;
  /** The stored revision the unsaved edits were made on. */
  baseRevision: number;
  writtenAt: number;
  doc: Diagram;
}

export interface Journal {
  write(entry: JournalEntry): boolean;
  read(): JournalEntry | null;
  clear(): void;
}

const KEY = 'faultline:journal';

export function localStorageJournal(storage: Storage | undefined = globalThis.localStorage): Journal {
  return {
    write(entry) {
      try {
        storage?.setItem(KEY, JSON.stringify(entry));
        return true;
      } catch {
        return false; // full or unavailable: IndexedDB is still trying
      }
    },
    read() {
      try {
        const text = storage?.getItem(KEY);
        if (!text) return null;
        const entry = JSON.parse(text) as JournalEntry;
        return typeof entry?.diagramId === 'string' && typeof entry.baseRevision === 'number' && entry.doc ? entry : null;
      } catch {
        return null;
      }
    },
    clear() {
      try {
        storage?.removeItem(KEY);
      } catch {
        // nothing to do
      }
    },
  };
}

export function memoryJournal(): Journal & { entry: JournalEntry | null } {
  return {
    entry: null,
    write(entry) {
      this.entry = structuredClone(entry);
      return true;
    },
    read() {
      return this.entry;
    },
    clear() {
      this.entry = null;
    },
  };
}

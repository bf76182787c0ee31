// Where the gallery's questions come from: the built-in bank, and the person's own question
// files kept in the library (or, without storage, for this session only).
import { createStore } from 'zustand/vanilla';
import { builtInTemplates } from '../../templates/bank';
import { parseTemplate } from '../../templates/parseTemplate';
import type { QuestionTemplate } from '../../templates/types';

const session = async () => (await import('../library/session')).session;

export interface GalleryEntry {
  template: QuestionTemplate;
  /** Imported by the person, not part of the built-in bank. */
  mine: boolean;
}

/** Bumped whenever the person's questions change, so lists reload. */
export const questionsVersion = createStore<{ n: number; bump(): void }>()((set) => ({ n: 0, bump: () => set((s) => ({ n: s.n + 1 })) }));

/** Questions imported while storage is unavailable live here until the page closes. */
const unsaved = new Map<string, string>();

async function mine(): Promise<QuestionTemplate[]> {
  const store = (await session()).questions;
  const texts = store ? (await store.list()).map((q) => q.text) : [];
  const all = [...texts, ...unsaved.values()];
  // Stored files passed the parser when they were imported; one that no longer parses (an
  // older format) is left out rather than breaking the gallery.
  return all.flatMap((text) => {
    try {
      return [parseTemplate(text)];
    } catch {
      return [];
    }
  });
}

export async function galleryEntries(): Promise<GalleryEntry[]> {
  const [builtIn, own] = await Promise.all([builtInTemplates(), mine()]);
  return [...builtIn.map((template) => ({ template, mine: false })), ...own.map((template) => ({ template, mine: true }))];
}

export async function findTemplate(id: string): Promise<QuestionTemplate | null> {
  return (await galleryEntries()).find((e) => e.template.id === id)?.template ?? null;
}

/**
 * Adds a question file to the gallery. Throws the parser's error (with its line) when the file
 * is not a question, and refuses an id the built-in bank already uses.
 */
export async function importQuestion(text: string): Promise<{ template: QuestionTemplate; stored: boolean }> {
  const template = parseTemplate(text);
  if ((await builtInTemplates()).some((t) => t.id === template.id)) {
    throw new Error(`The bank already has a question with the id "${template.id}": give yours another id in its front matter`);
  }
  const store = (await session()).questions;
  let stored = false;
  if (store) {
    await store.put(template.id, template.title, text);
    stored = true;
  } else unsaved.set(template.id, text);
  questionsVersion.getState().bump();
  return { template, stored };
}

export async function removeQuestion(id: string): Promise<void> {
  unsaved.delete(id);
  await (await session()).questions?.remove(id);
  questionsVersion.getState().bump();
}

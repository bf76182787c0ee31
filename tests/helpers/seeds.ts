// The question bank's 41 Mermaid fences, copied into tests/fixtures/seeds.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED_DIR = join(process.cwd(), 'tests/fixtures/seeds');

export function seedFences(): { name: string; text: string }[] {
  return readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.mmd'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(SEED_DIR, name), 'utf8') }));
}

export function seed(name: string): string {
  return readFileSync(join(SEED_DIR, name), 'utf8');
}

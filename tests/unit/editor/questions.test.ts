// The person's own question files: an id already taken is never overwritten without their say.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freeId } from '../../../src/editor/placeOwnFile';
import { TestEditor } from '../../../src/editor/TestEditor';

const minimal = readFileSync('tests/fixtures/templates/minimal.md', 'utf8');
const retitled = (title: string) => minimal.replace('title: A minimal question', `title: ${title}`);

async function mine(e: TestEditor) {
  return (await e.questions.entries()).filter((x) => x.mine).map((x) => [x.template.id, x.template.title]);
}

describe('the person’s own questions', () => {
  it('asks before a file takes an id already used: keep both, replace, or cancel', async () => {
    const e = new TestEditor();
    expect((await e.questions.importQuestion(minimal))?.template.id).toBe('minimal');
    expect(e.asked).toEqual([]);

    e.answers.push('keep-both');
    expect((await e.questions.importQuestion(retitled('Second')))?.template.id).toBe('minimal-2');
    expect(e.asked.at(-1)).toBe('You already have a question with the id “minimal”');

    e.answers.push('cancel');
    expect(await e.questions.importQuestion(retitled('Third'))).toBeNull();
    e.answers.push(null);
    expect(await e.questions.importQuestion(retitled('Fourth'))).toBeNull();
    expect(await mine(e)).toEqual([
      ['minimal', 'A minimal question'],
      ['minimal-2', 'Second'],
    ]);

    e.answers.push('replace');
    await e.questions.importQuestion(retitled('Replaced'));
    expect(await mine(e)).toEqual([
      ['minimal', 'Replaced'],
      ['minimal-2', 'Second'],
    ]);
  });

  it('keeps a file with a built-in question’s id only beside it, never over it', async () => {
    const e = new TestEditor();
    const bank = minimal.replace('id: minimal', 'id: ecommerce');
    e.answers.push('replace');
    // "Replace" is not among the answers for a built-in question: it counts as no choice.
    expect(await e.questions.importQuestion(bank)).toBeNull();
    e.answers.push('keep-both');
    expect((await e.questions.importQuestion(bank))?.template.id).toBe('ecommerce-2');
    expect((await e.questions.find('ecommerce'))?.title).toBe('Design an e-commerce platform');
  });

  it('finds a free id within the id rule’s length', () => {
    expect(freeId('a', new Set(['a', 'a-2']))).toBe('a-3');
    expect(freeId('x'.repeat(80), new Set()).length).toBe(80);
  });
});

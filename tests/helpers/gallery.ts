// The question gallery as a person uses it.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const gallery = (page: Page) => page.getByRole('dialog', { name: 'Question gallery' });

export async function openGallery(page: Page) {
  await page.getByRole('region', { name: 'Getting started' }).getByRole('button', { name: 'Start from an interview question' }).click();
  await expect.poll(() => gallery(page).getByRole('list', { name: 'Questions' }).getByRole('listitem').count()).toBeGreaterThan(10);
}

export async function addQuestionFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await gallery(page).getByRole('button', { name: 'Add a question file…' }).click();
  await (await chooser).setFiles(path);
}

import type { Page } from '@playwright/test';

interface Staged {
  staged: File;
}

/**
 * Hands a file to a file input as a user's pick does, its bytes put into the page first:
 * Playwright's own setInputFiles decodes a large buffer in one long task of the page's, which
 * would be counted against the app. Returns the page time just before the hand-over.
 */
export async function handOverFile(page: Page, testId: string, name: string, bytes: Uint8Array, type = 'application/octet-stream'): Promise<number> {
  await page.evaluate(
    ({ name, base64, type }) => {
      const binary = atob(base64);
      const data = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
      (window as unknown as Staged).staged = new File([data], name, { type });
    },
    { name, base64: Buffer.from(bytes).toString('base64'), type },
  );
  return page.evaluate((id) => {
    const input = document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
    const transfer = new DataTransfer();
    transfer.items.add((window as unknown as Staged).staged);
    const started = performance.now();
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return started;
  }, testId);
}

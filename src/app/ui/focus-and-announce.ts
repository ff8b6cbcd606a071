/**
 * After an action the user started (Predict, Check the claimed metrics, opening an example),
 * keyboard focus moves to what it produced and a screen reader hears it: the element is looked
 * up by id once React has shown it, focused (which scrolls it into view), and a line is put in
 * the page's one live region (`ANNOUNCER_ID`, rendered by App). Text goes in as textContent.
 */
export const ANNOUNCER_ID = 'announcer';

/** Frames to wait for the element to appear (React renders the store's change on the next frames). */
const FRAMES = 30;

export function announce(text: string): void {
  const region = document.getElementById(ANNOUNCER_ID);
  if (!region) return;
  // Cleared first so that the same words twice are announced twice.
  region.textContent = '';
  window.setTimeout(() => (region.textContent = text), 50);
}

/** Focuses the element with this id as soon as it is on the page (within ~half a second), and says `text`. */
export function focusWhenShown(id: string, text?: string): void {
  let frames = 0;
  const attempt = (): void => {
    const element = document.getElementById(id);
    if (element) {
      if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
      element.focus();
      element.scrollIntoView({ block: 'nearest' });
      if (text) announce(text);
      return;
    }
    if (++frames < FRAMES) window.requestAnimationFrame(attempt);
  };
  window.requestAnimationFrame(attempt);
}

// Letter shortcuts (E, J, K, Ctrl+Z) on any keyboard layout: a Cyrillic or Arabic layout types
// another letter on the E key, so `event.key` alone would leave those readers without them.

/** The key pressed, as on a Latin layout: `event.key`, or the physical key's letter when it typed a non-Latin letter. */
export function latinKey(event: KeyboardEvent): string {
  const { key, code } = event;
  if (key.length === 1 && !/[\x20-\x7e]/.test(key) && /^Key[A-Z]$/.test(code)) {
    const letter = code.slice(3);
    return event.shiftKey ? letter : letter.toLowerCase();
  }
  return key;
}

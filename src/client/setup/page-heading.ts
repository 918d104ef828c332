/** Moves focus to the h1 in <main>; pages give their h1 tabindex="-1" so it can take focus. */
export function focusPageHeading(): void {
  document.querySelector<HTMLElement>('#main h1')?.focus();
}

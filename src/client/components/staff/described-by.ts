/** `aria-describedby` for a StaffField's control: its error first, then its hint. */
export function describedBy(id: string, opts: { hint?: boolean; error?: unknown }): string | undefined {
  const ids = [opts.error ? `${id}-error` : null, opts.hint ? `${id}-hint` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

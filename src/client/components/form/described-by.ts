/** Ids a form part's control is described by: its error first (read first), then its description. */
export function describedBy(id: string, opts: { description?: unknown; error?: unknown }): string | undefined {
  const ids = [opts.error ? `${id}-error` : null, opts.description ? `${id}-description` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

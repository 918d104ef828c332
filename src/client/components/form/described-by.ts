/** Ids a form part's control is described by: its error first (read first), then its description. */
export function describedBy(id: string, opts: { description?: unknown; error?: unknown }): string | undefined {
  const ids = [opts.error ? `${id}-error` : null, opts.description ? `${id}-description` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/**
 * The error summary's list from a form's checks, in the form's order: one entry per field that
 * has a problem. `label` prefixes a short message ("Vul dit in.") with the question it is about,
 * since the summary stands apart from the field.
 */
export function summaryOf(
  checks: ReadonlyArray<{ field: string; problem: string | null | false | undefined; label?: string }>,
): Array<{ field: string; message: string }> {
  return checks.flatMap(({ field, problem, label }) =>
    problem ? [{ field, message: label ? `${label}: ${problem}` : problem }] : [],
  );
}

/** A file size as a resident reads it: "850 kB", "1,4 MB" (binary units, as our limits are). */
const formatters = new Map<string, Intl.NumberFormat>();

export function formatFileSize(bytes: number, locale: string): string {
  const mega = bytes >= 1024 * 1024;
  const key = `${locale}:${mega}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
      style: 'unit',
      unit: mega ? 'megabyte' : 'kilobyte',
      unitDisplay: 'short',
      maximumFractionDigits: mega ? 1 : 0,
    });
    formatters.set(key, format);
  }
  return format.format(mega ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024)));
}

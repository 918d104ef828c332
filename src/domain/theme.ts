/**
 * A consortium's colours as the CSS custom properties the styles read (src/client/styles/app.css
 * maps --loket-primary-* onto the NL Design System tokens). The app sets them when its config
 * arrives (src/client/setup/consortium.ts); a page rendered on the server carries them in a
 * <style> element, allowed by its hash in the CSP (src/server/security/headers.ts), so its first
 * paint has the consortium's colours too.
 */
export interface ThemeColours {
  primaryColor: string;
  primaryTextColor: string;
}

/** #rrggbb made darker by `factor` for hover and active states; other notations stay as they are. */
function darken(color: string, factor = 0.8): string {
  const match = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!match) return color;
  const channels = [0, 2, 4].map((i) => Math.round(parseInt(match[1]!.slice(i, i + 2), 16) * factor));
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** The custom properties, as [name, value] pairs. */
export function themeProperties(theme: ThemeColours): Array<[string, string]> {
  return [
    ['--loket-primary-color', theme.primaryColor],
    ['--loket-primary-hover-color', darken(theme.primaryColor)],
    ['--loket-primary-text-color', theme.primaryTextColor],
  ];
}

/** The text of the <style> element a server-rendered page carries. */
export function themeStyle(theme: ThemeColours): string {
  return `:root{${themeProperties(theme)
    .map(([name, value]) => `${name}:${value}`)
    .join(';')}}`;
}

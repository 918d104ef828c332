/**
 * The consortium's public config (GET /api/config) and its look. One build serves every
 * consortium: the colours come from config and feed the NL Design System tokens (see
 * styles/app.css, which maps --loket-primary-* onto the button, link and footer tokens).
 */
import { watch, watchEffect } from 'vue';
import type { Pinia } from 'pinia';
import type { PublicConfig } from '../../domain/api';
import { useConfigStore } from '../stores/config';

/** #rrggbb made darker by `factor` for hover and active states; other notations stay as they are. */
function darken(color: string, factor = 0.8): string {
  const match = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!match) return color;
  const channels = [0, 2, 4].map((i) => Math.round(parseInt(match[1]!.slice(i, i + 2), 16) * factor));
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function applyTheme(theme: PublicConfig['consortium']['theme'], root = document.documentElement): void {
  root.style.setProperty('--loket-primary-color', theme.primaryColor);
  root.style.setProperty('--loket-primary-hover-color', darken(theme.primaryColor));
  root.style.setProperty('--loket-primary-text-color', theme.primaryTextColor);
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', theme.primaryColor);
}

export function installConsortium(pinia: Pinia): void {
  const config = useConfigStore(pinia);
  // Load at start, and again after a session's end has reset every store (config included).
  watchEffect(() => {
    if (config.status === 'idle') void config.load();
  });
  // After a reset the config is briefly null: keep the colours, so nothing flashes.
  watch(
    () => config.config?.consortium.theme,
    (theme) => {
      if (theme) applyTheme(theme);
    },
    { immediate: true },
  );
}

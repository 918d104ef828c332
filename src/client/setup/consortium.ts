/**
 * The consortium's public config (GET /api/config) and its look. One build serves every
 * consortium: the colours come from config and feed the NL Design System tokens (see
 * styles/app.css, which maps --loket-primary-* onto the button, link and footer tokens).
 */
import { watch, watchEffect } from 'vue';
import type { Pinia } from 'pinia';
import type { PublicConfig } from '../../domain/api';
import { themeProperties } from '../../domain/theme';
import { useConfigStore } from '../stores/config';

function applyTheme(theme: PublicConfig['consortium']['theme'], root = document.documentElement): void {
  for (const [name, value] of themeProperties(theme)) root.style.setProperty(name, value);
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

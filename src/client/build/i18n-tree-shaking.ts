/**
 * Build-time fix (used by vite.config.ts). petite-vue-i18n 11 (as vue-i18n 11) probes `'currentInstance' in Vue` on its
 * `import * as Vue from 'vue'`; the `in` operator forces the bundler to keep every export of
 * Vue, about 22 KiB gzip more on the first load (intlify/vue-i18n#2573). Vue 3.5 has no such
 * export, so the probe is always false there, and we say so to the bundler.
 */
import type { Plugin } from 'vite';

const PROBE = "const key = 'currentInstance';\n    if (key in Vue) {";
const ANSWER = "const key = 'currentInstance';\n    if (false) {";

export function i18nTreeShaking(): Plugin {
  return {
    name: 'loket:i18n-tree-shaking',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]petite-vue-i18n[\\/]dist[\\/]petite-vue-i18n\.mjs$/.test(id)) return null;
      if (!code.includes(PROBE)) {
        // Fixed upstream, or changed: nothing to do, but the first-load budget may move.
        this.warn('vue-i18n: the currentInstance probe was not found; check the first-load JS size');
        return null;
      }
      return { code: code.replace(PROBE, ANSWER), map: null };
    },
  };
}

/** Which build files the service worker installs: what residents load, never the lazy-only parts. */
import { describe, expect, it } from 'vitest';
import { residentFiles } from './precache-files';

const manifest = {
  'index.html': {
    file: 'assets/index-1.js',
    src: 'index.html',
    isEntry: true,
    imports: ['_vue-1.js'],
    dynamicImports: ['src/client/pages/A.vue', 'src/client/pages/beheer/area.ts', 'src/client/i18n/en.ts'],
    css: ['assets/index-1.css'],
  },
  '_vue-1.js': { file: 'assets/vue-1.js' },
  'src/client/pages/A.vue': {
    file: 'assets/A-1.js',
    src: 'src/client/pages/A.vue',
    imports: ['_shared-1.js'],
    dynamicImports: ['src/client/documents/pdf.ts'],
    css: ['assets/A-1.css'],
  },
  '_shared-1.js': { file: 'assets/shared-1.js' },
  'src/client/documents/pdf.ts': { file: 'assets/pdf-1.js', src: 'src/client/documents/pdf.ts' },
  'src/client/pages/beheer/area.ts': {
    file: 'assets/area-1.js',
    src: 'src/client/pages/beheer/area.ts',
    imports: ['_shared-1.js', '_format-1.js'],
  },
  '_format-1.js': { file: 'assets/format-1.js', css: ['assets/format-1.css'] },
  'src/client/i18n/en.ts': { file: 'assets/en-1.js', src: 'src/client/i18n/en.ts' },
};

describe('resident precache', () => {
  it('holds what is reachable from the entry without entering a lazy-only module', () => {
    const files = residentFiles(manifest, /pages\/beheer\/|documents\/pdf\.ts$|i18n\/en\.ts$/);
    expect([...files].sort()).toEqual([
      'assets/A-1.css',
      'assets/A-1.js',
      'assets/index-1.css',
      'assets/index-1.js',
      'assets/shared-1.js',
      'assets/vue-1.js',
    ]);
  });

  it('keeps a chunk a resident page shares with a staff area', () => {
    expect(residentFiles(manifest, /pages\/beheer\//)).toContain('assets/shared-1.js');
  });
});

import { describe, expect, it } from 'vitest';
import { customPropertyDeclarations, pruneCustomProperties, usedCustomProperties } from './prune-custom-properties';

const tokens = [
  '.utrecht-theme{',
  '--utrecht-color-blue-35:#0b71a1;',
  '--utrecht-button-primary-action-background-color:var(--utrecht-color-blue-35);',
  '--utrecht-calendar-table-color:red;',
  '--utrecht-icon:url("data:image/svg+xml;utf8,<svg/>");',
  '--utrecht-unused-with-icon:var(--utrecht-icon)',
  '}',
].join('');

describe('pruning design tokens', () => {
  it('finds declarations even when a value holds a ; inside a data URL', () => {
    expect(customPropertyDeclarations(tokens).map((d) => d.name)).toEqual([
      '--utrecht-color-blue-35',
      '--utrecht-button-primary-action-background-color',
      '--utrecht-calendar-table-color',
      '--utrecht-icon',
      '--utrecht-unused-with-icon',
    ]);
  });

  it('keeps tokens that components read, directly or through other tokens, and drops the rest', () => {
    const buttonCss = '.utrecht-button{background-color:var(--utrecht-button-primary-action-background-color)}';
    const used = usedCustomProperties(tokens, [buttonCss]);
    expect(pruneCustomProperties(tokens, used)).toBe(
      '.utrecht-theme{--utrecht-color-blue-35:#0b71a1;--utrecht-button-primary-action-background-color:var(--utrecht-color-blue-35);}',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { reactive, watchEffect } from 'vue';
import { catalogueHas, nodeAt } from './message-node';

const ast = { t: 0, b: { t: 2, i: [{ t: 3, v: 'Hallo' }] } };
const catalogue = { header: { menu: 'Hoofdmenu', home: ast, kind: { other: 'Iets anders' } }, plain: 'Tekst' };

describe('a message catalogue', () => {
  it('finds a message by its dotted key, a text, a compiled message or a branch', () => {
    expect(nodeAt(catalogue, 'header.menu')).toBe('Hoofdmenu');
    expect(nodeAt(catalogue, 'header.home')).toBe(ast);
    expect(nodeAt(catalogue, 'plain')).toBe('Tekst');
    expect(nodeAt(catalogue, 'header.kind')).toEqual({ other: 'Iets anders' });
  });

  it('finds nothing for a missing key, a key under a message, or a key of every object', () => {
    expect(nodeAt(catalogue, 'header.missing')).toBeNull();
    expect(nodeAt(catalogue, 'plain.more')).toBeNull();
    expect(nodeAt(catalogue, 'header.home.b')).toBeNull();
    expect(nodeAt(catalogue, 'header.constructor')).toBeNull();
    expect(nodeAt(catalogue, 'toString')).toBeNull();
  });

  it('says a key has a message only when it names one, not a branch', () => {
    expect(catalogueHas(catalogue, 'header.menu')).toBe(true);
    expect(catalogueHas(catalogue, 'header.home')).toBe(true);
    expect(catalogueHas(catalogue, 'header.kind')).toBe(false);
    expect(catalogueHas(catalogue, 'errors.NOT_THERE')).toBe(false);
  });

  it('lets a page that asked for a missing key see it once a feature adds it', () => {
    const live = reactive<Record<string, Record<string, string>>>({ form: {} });
    const seen: unknown[] = [];
    watchEffect(() => seen.push(nodeAt(live, 'form.summaryTitle')), { flush: 'sync' });
    live.form!.summaryTitle = 'Er ging iets mis';
    expect(seen).toEqual([null, 'Er ging iets mis']);
  });
});

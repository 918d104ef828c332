/**
 * The device's language choice (localStorage and the loket_taal cookie the server renders in):
 * starting the app never writes the Dutch it begins in over the choice while the chosen language
 * loads. It did, and a device whose Arabic could not load (offline) went back to Dutch for good;
 * a choice made a moment before by another tab was undone the same way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppI18n, LOCALE_STORAGE_KEY } from './index';

afterEach(() => {
  localStorage.clear();
  document.cookie = 'loket_taal=; path=/; max-age=0';
});

describe("the device's language choice at start", () => {
  it('keeps the stored choice while that language loads, and shows it once it is in', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'ar');
    const { ready } = createAppI18n('ar');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ar');
    await ready;
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.cookie).toContain('loket_taal=ar');
  });

  it('does not write Dutch for a device that chose nothing', async () => {
    const { ready } = createAppI18n('nl');
    await ready;
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBeNull();
    expect(document.documentElement.lang).toBe('nl');
  });
});

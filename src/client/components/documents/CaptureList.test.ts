// The capture list with a fake photo reducer (happy-dom cannot decode images; the browser test
// reduces real 12-megapixel photos in the worker).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import CaptureList from './CaptureList.vue';
import { useCapture, type Capture } from '../../documents/capture';
import type { PhotoReducer } from '../../documents/reduce-image';
import { createHarness } from '../../testing/harness';

const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0];
const photo = (name: string, size = 3_000_000) => ({
  blob: new Blob([new Uint8Array(JPEG_HEAD), new Uint8Array(size)], { type: 'image/jpeg' }),
  name,
});
const heic = (name: string) => ({
  blob: new Blob([new Uint8Array([0, 0, 0, 0x18]), new TextEncoder().encode('ftypheic'), new Uint8Array(100)]),
  name,
});
const exe = (name: string) => ({ blob: new Blob([new TextEncoder().encode('MZ'), new Uint8Array(100)]), name });

function fakeReducer(): PhotoReducer & { calls: Array<{ quarterTurns: number; withThumbnail: boolean }> } {
  const calls: Array<{ quarterTurns: number; withThumbnail: boolean }> = [];
  return {
    calls,
    async reduce(_file, quarterTurns, withThumbnail) {
      calls.push({ quarterTurns, withThumbnail });
      return {
        jpeg: new Blob([new Uint8Array(900_000)], { type: 'image/jpeg' }),
        width: 1500,
        height: 2000,
        thumbnail: withThumbnail ? new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }) : null,
      };
    },
    dispose: () => undefined,
  };
}

afterEach(() => {
  document.body.innerHTML = '';
});

async function render(files: Array<{ blob: Blob; name: string }>) {
  const reducer = fakeReducer();
  const { plugins } = await createHarness('nl');
  let capture!: Capture;
  const Host = defineComponent({
    setup() {
      capture = useCapture({ createReducer: () => reducer });
      return () => h(CaptureList, { capture });
    },
  });
  const wrapper = mount(Host, { global: { plugins: [...plugins] }, attachTo: document.body });
  await capture.add(files);
  await vi.waitFor(async () => {
    await flushPromises();
    expect(capture.files.value.every((f) => f.status !== 'preparing')).toBe(true);
  });
  return { wrapper, capture, reducer };
}

const names = (wrapper: Awaited<ReturnType<typeof render>>['wrapper']) =>
  wrapper.findAll('.loket-capture__name').map((p) => p.text());
const button = (wrapper: Awaited<ReturnType<typeof render>>['wrapper'], label: string) =>
  wrapper.findAll('button').find((b) => b.attributes('aria-label') === label)!;

describe('Wat u gaat sturen', () => {
  it('shows each picked photo reduced, with a preview and its new size', async () => {
    const { wrapper, reducer } = await render([photo('pagina-1.jpg'), photo('pagina-2.jpg')]);
    expect(names(wrapper)).toEqual(['Bladzijde 1: pagina-1.jpg', 'Bladzijde 2: pagina-2.jpg']);
    expect(wrapper.findAll('img').map((img) => img.attributes('src'))).toEqual([
      'data:image/jpeg;base64,AQID',
      'data:image/jpeg;base64,AQID',
    ]);
    expect(wrapper.text()).toContain('Foto, 879 kB');
    expect(reducer.calls).toEqual([
      { quarterTurns: 0, withThumbnail: true },
      { quarterTurns: 0, withThumbnail: true },
    ]);
  });

  it('moves a page with buttons that name it; the focus stays on the page that moved, and it is announced', async () => {
    const { wrapper } = await render([photo('a.jpg'), photo('b.jpg'), photo('c.jpg')]);
    expect(button(wrapper, 'Omhoog: Bladzijde 1: a.jpg').attributes('disabled')).toBeDefined();
    expect(button(wrapper, 'Omlaag: Bladzijde 3: c.jpg').attributes('disabled')).toBeDefined();

    await button(wrapper, 'Omhoog: Bladzijde 3: c.jpg').trigger('click');
    await flushPromises();
    expect(names(wrapper)).toEqual(['Bladzijde 1: a.jpg', 'Bladzijde 2: c.jpg', 'Bladzijde 3: b.jpg']);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Omhoog: Bladzijde 2: c.jpg');
    expect(wrapper.find('[role="status"]').text()).toBe('Bladzijde 3 is nu bladzijde 2.');

    await button(wrapper, 'Omhoog: Bladzijde 2: c.jpg').trigger('click');
    await flushPromises();
    expect(names(wrapper)).toEqual(['Bladzijde 1: c.jpg', 'Bladzijde 2: a.jpg', 'Bladzijde 3: b.jpg']);
    // at the top "Omhoog" is disabled: the focus moves to "Omlaag" of the same page
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Omlaag: Bladzijde 1: c.jpg');

    await button(wrapper, 'Omlaag: Bladzijde 2: a.jpg').trigger('click');
    await flushPromises();
    expect(names(wrapper)).toEqual(['Bladzijde 1: c.jpg', 'Bladzijde 2: b.jpg', 'Bladzijde 3: a.jpg']);
  });

  it('turns a photo a quarter at a time (the preview turns; it is made again, turned, when sent)', async () => {
    const { wrapper, capture, reducer } = await render([photo('scheef.jpg')]);
    await button(wrapper, 'Draai: Bladzijde 1: scheef.jpg').trigger('click');
    await button(wrapper, 'Draai: Bladzijde 1: scheef.jpg').trigger('click');
    expect(wrapper.find('img').attributes('data-turns')).toBe('2');
    expect(capture.files.value[0]!.quarterTurns).toBe(2);
    const [file] = await capture.compose('Huurcontract');
    expect(file).toMatchObject({ contentType: 'image/jpeg', fileName: 'Huurcontract.jpg' });
    expect(reducer.calls.at(-1)).toEqual({ quarterTurns: 2, withThumbnail: false });
  });

  it('removes a page; the focus goes to the next one', async () => {
    const { wrapper, capture } = await render([photo('a.jpg'), photo('b.jpg')]);
    await button(wrapper, 'Weghalen: Bladzijde 1: a.jpg').trigger('click');
    await flushPromises();
    expect(names(wrapper)).toEqual(['Bladzijde 1: b.jpg']);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Weghalen: Bladzijde 1: b.jpg');
    expect(wrapper.find('[role="status"]').text()).toBe('Bladzijde 1: a.jpg is weggehaald.');
    await button(wrapper, 'Weghalen: Bladzijde 1: b.jpg').trigger('click');
    await flushPromises();
    expect(capture.files.value).toEqual([]);
    expect(document.activeElement?.id).toBe('capture-title');
  });

  it('says at once, in plain words, what cannot be sent; HEIC photos and PDFs cannot be turned', async () => {
    const { wrapper, capture } = await render([exe('factuur.pdf'), heic('IMG_0001.HEIC')]);
    expect(wrapper.text()).toContain(
      'Dit soort bestand kunnen wij niet aannemen. Stuur een PDF of een foto (JPG, PNG of HEIC).',
    );
    expect(capture.blocker.value).toBe('problems');
    expect(capture.hasHeic.value).toBe(true);
    expect(wrapper.findAll('button').filter((b) => b.text() === 'Draai')).toHaveLength(0);
  });
});

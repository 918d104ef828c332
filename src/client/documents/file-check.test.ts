import { describe, expect, it } from 'vitest';
import { checkFile, judgeFile, MAX_PHOTO_SOURCE_BYTES } from './file-check';

const bytes = (...values: Array<number | string>) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));
const MB = 1024 * 1024;

const PDF = bytes('%PDF-1.7', 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF');
const PNG = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d);
const HEIC = bytes(0, 0, 0, 0x18, 'ftypheic', 0, 0, 0, 0);
const HEIF = bytes(0, 0, 0, 0x18, 'ftypmif1', 0, 0, 0, 0);
const EXE = bytes('MZ', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff);
const ZIP = bytes('PK', 3, 4, 0x14, 0, 0, 0, 8, 0, 0, 0, 0, 0);
const MP4 = bytes(0, 0, 0, 0x18, 'ftypmp42', 0, 0, 0, 0);

describe('a first look at a picked file (by its first bytes, never its name)', () => {
  it.each([
    ['a PDF', PDF, 2 * MB, { ok: true, kind: 'pdf', contentType: 'application/pdf' }],
    ['a JPEG photo', JPEG, 4 * MB, { ok: true, kind: 'photo', contentType: 'image/jpeg' }],
    ['a PNG screenshot', PNG, 300_000, { ok: true, kind: 'photo', contentType: 'image/png' }],
    ['an iPhone HEIC photo', HEIC, 2 * MB, { ok: true, kind: 'heic', contentType: 'image/heic' }],
    ['a HEIF image', HEIF, 2 * MB, { ok: true, kind: 'heic', contentType: 'image/heif' }],
    // a big phone photo is fine: it is reduced before sending
    ['a 30 MB JPEG', JPEG, 30 * MB, { ok: true, kind: 'photo', contentType: 'image/jpeg' }],
    ['a program renamed to .pdf', EXE, 50_000, { ok: false, problem: 'DOCUMENT_TYPE_NOT_ALLOWED' }],
    ['a ZIP (or .docx)', ZIP, 50_000, { ok: false, problem: 'DOCUMENT_TYPE_NOT_ALLOWED' }],
    ['a video', MP4, 5 * MB, { ok: false, problem: 'DOCUMENT_TYPE_NOT_ALLOWED' }],
    ['an empty file', new Uint8Array(), 0, { ok: false, problem: 'DOCUMENT_EMPTY' }],
    // sent as they are, so the server's 20 MB applies here already
    ['a 21 MB PDF', PDF, 21 * MB, { ok: false, problem: 'DOCUMENT_TOO_LARGE' }],
    ['a 21 MB HEIC', HEIC, 21 * MB, { ok: false, problem: 'DOCUMENT_TOO_LARGE' }],
    [
      'a "photo" larger than any phone makes',
      JPEG,
      MAX_PHOTO_SOURCE_BYTES + 1,
      { ok: false, problem: 'DOCUMENT_TOO_LARGE' },
    ],
  ])('%s', (_name, head, size, verdict) => {
    expect(judgeFile(head, size)).toEqual(verdict);
  });

  it('reads only the first bytes of the file', async () => {
    const file = new Blob([PDF, new Uint8Array(100_000)], { type: 'image/jpeg' });
    expect(await checkFile(file)).toEqual({ ok: true, kind: 'pdf', contentType: 'application/pdf' });
    expect(await checkFile(new Blob([EXE], { type: 'application/pdf' }))).toEqual({
      ok: false,
      problem: 'DOCUMENT_TYPE_NOT_ALLOWED',
    });
  });
});

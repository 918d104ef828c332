/** The document checks on their own: every refusal code, metadata removal, HEIC handling. */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../../../domain/documents';
import { AppError } from '../../../errors';
import { ClamdScanner } from '../../../scanner/clamd';
import { noScanner, type Scanner } from '../../../scanner/scanner';
import { clamdInstalled, EICAR, startTestClamd } from '../../../scanner/test-clamd';
import {
  EMPTY_ZIP,
  encryptedPdf,
  exifHasGps,
  hasAnyMetadata,
  heicWithExif,
  pdf,
  photoWithGps,
  windowsExecutable,
} from '../test-fixtures';
import { checkDocument } from './check-document';

async function refusalOf(bytes: Buffer, scanner: Scanner = noScanner): Promise<string> {
  try {
    await checkDocument(bytes, scanner);
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('checkDocument', () => {
  it('accepts a PDF and stores it byte for byte', async () => {
    const input = await pdf(2);
    const checked = await checkDocument(input, noScanner);
    expect(checked.contentType).toBe('application/pdf');
    expect(checked.bytes.equals(input)).toBe(true);
    expect(checked.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('re-encodes a JPEG so that no EXIF (GPS, camera) is left, and keeps it a JPEG', async () => {
    const input = await photoWithGps('jpeg');
    expect(await hasAnyMetadata(input)).toBe(true);
    expect(exifHasGps((await sharp(input).metadata()).exif)).toBe(true);
    const checked = await checkDocument(input, noScanner);
    expect(checked.contentType).toBe('image/jpeg');
    expect(await hasAnyMetadata(checked.bytes)).toBe(false);
    expect((await sharp(checked.bytes).metadata()).width).toBe(640);
  });

  it('re-encodes a PNG without its metadata', async () => {
    const input = await photoWithGps('png');
    const checked = await checkDocument(input, noScanner);
    expect(checked.contentType).toBe('image/png');
    expect(await hasAnyMetadata(checked.bytes)).toBe(false);
  });

  it('applies the EXIF orientation before dropping it, so the page stays upright', async () => {
    const input = await sharp({ create: { width: 300, height: 100, channels: 3, background: '#888' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(input).metadata()).orientation).toBe(6);
    const checked = await checkDocument(input, noScanner);
    const meta = await sharp(checked.bytes).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([100, 300, undefined]);
  });

  it('drops data appended to a photo (motion photos append a video)', async () => {
    const input = Buffer.concat([await photoWithGps('jpeg'), Buffer.from('\0\0\0\x18ftypmp42 and a video')]);
    const checked = await checkDocument(input, noScanner);
    expect(checked.bytes.includes('ftypmp42')).toBe(false);
  });

  it.each<[string, () => Promise<Buffer> | Buffer, string]>([
    ['a renamed Windows executable', windowsExecutable, 'DOCUMENT_TYPE_NOT_ALLOWED'],
    ['a text file', () => Buffer.from('Dit is geen PDF'), 'DOCUMENT_TYPE_NOT_ALLOWED'],
    ['an HTML page', () => Buffer.from('<!doctype html><script>alert(1)</script>'), 'DOCUMENT_TYPE_NOT_ALLOWED'],
    [
      'a GIF',
      () =>
        sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
          .gif()
          .toBuffer(),
      'DOCUMENT_TYPE_NOT_ALLOWED',
    ],
    ['an empty file', () => Buffer.alloc(0), 'DOCUMENT_EMPTY'],
    ['a file over 20 MB', () => Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x25), 'DOCUMENT_TOO_LARGE'],
    ['an encrypted PDF', encryptedPdf, 'DOCUMENT_ENCRYPTED_PDF'],
    ['a PDF header with nothing behind it', () => Buffer.from('%PDF-1.7\n%%EOF\n'), 'DOCUMENT_UNREADABLE'],
    ['a truncated JPEG', async () => (await photoWithGps('jpeg')).subarray(0, 400), 'DOCUMENT_UNREADABLE'],
    ['a PDF/ZIP polyglot', async () => Buffer.concat([await pdf(1), EMPTY_ZIP]), 'DOCUMENT_POLYGLOT'],
    [
      'a JPEG/ZIP (JAR) polyglot',
      async () => Buffer.concat([await photoWithGps('jpeg'), EMPTY_ZIP]),
      'DOCUMENT_POLYGLOT',
    ],
    [
      'a JPEG that a browser would sniff as HTML',
      async () => {
        const jpeg = await photoWithGps('jpeg');
        const comment = Buffer.from('<html><script>alert(document.cookie)</script>');
        const marker = Buffer.from([0xff, 0xfe, 0, comment.length + 2]);
        return Buffer.concat([jpeg.subarray(0, 2), marker, comment, jpeg.subarray(2)]);
      },
      'DOCUMENT_POLYGLOT',
    ],
  ])('refuses %s with %s', async (_name, make, code) => {
    expect(await refusalOf(await make())).toBe(code);
  });

  it('refuses nothing because of its name: type comes from the bytes only', async () => {
    // There is no name parameter at all; this documents the contract.
    expect(checkDocument.length).toBe(2);
  });
});

describe('HEIC/HEIF', () => {
  it('cannot be decoded by this sharp build (its libheif has no HEVC decoder), so the container route is used', async () => {
    // libvips lists the suffixes its libheif can decode: AVIF only, no .heic/.heif.
    expect(sharp.format.heif.input.fileSuffix).not.toContain('.heic');
    await expect(
      sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
        .heif({ compression: 'hevc' })
        .toBuffer(),
    ).rejects.toThrow(/Unsupported compression/);
    const exif = (await sharp(await photoWithGps('jpeg')).metadata()).exif!;
    await expect(sharp(heicWithExif(exif)).jpeg().toBuffer()).rejects.toThrow();
  });

  it('is kept as HEIC with its Exif item zeroed and renamed', async () => {
    const exif = (await sharp(await photoWithGps('jpeg')).metadata()).exif!;
    const input = heicWithExif(exif);
    expect(input.includes('LoketTestPhone')).toBe(true);
    const checked = await checkDocument(input, noScanner);
    expect(checked.contentType).toBe('image/heic');
    expect(checked.bytes.length).toBe(input.length);
    expect(checked.bytes.includes('LoketTestPhone')).toBe(false);
    expect(checked.bytes.includes(exif.subarray(0, 64))).toBe(false);
    expect(checked.bytes.includes('Exif')).toBe(false);
  });

  it('refuses a HEIC with data appended or a broken box structure', async () => {
    const input = heicWithExif(Buffer.from('Exif\0\0II*\0'));
    expect(await refusalOf(Buffer.concat([input, Buffer.from('trailing')]))).toBe('DOCUMENT_UNREADABLE');
    expect(await refusalOf(input.subarray(0, input.length - 10))).toBe('DOCUMENT_UNREADABLE');
  });
});

describe.skipIf(!clamdInstalled)('checkDocument with a real clamd', () => {
  let clamd: Awaited<ReturnType<typeof startTestClamd>>;
  let scanner: ClamdScanner;
  beforeAll(async () => {
    clamd = await startTestClamd();
    scanner = new ClamdScanner(clamd.config);
  });
  afterAll(() => clamd?.stop());

  it('refuses the EICAR test file as infected (before its type is even looked at)', async () => {
    expect(await refusalOf(Buffer.from(EICAR, 'latin1'), scanner)).toBe('DOCUMENT_INFECTED');
  });

  it('refuses a PDF that carries EICAR', async () => {
    const carrier = await pdf(1);
    const infected = Buffer.concat([
      carrier.subarray(0, 20),
      Buffer.from(`%${EICAR}\n`, 'latin1'),
      carrier.subarray(20),
    ]);
    expect(await refusalOf(infected, scanner)).toBe('DOCUMENT_INFECTED');
  });

  it('passes a clean PDF', async () => {
    expect(await refusalOf(await pdf(1), scanner)).toBe('accepted');
  });

  it('fails closed when clamd is gone', async () => {
    const gone = new ClamdScanner({ host: '127.0.0.1', port: 9, timeoutMs: 500 });
    expect(await refusalOf(await pdf(1), gone)).toBe('SCANNER_UNAVAILABLE');
  });
});

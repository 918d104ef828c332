/**
 * Test files made on the fly (no binary fixtures in the repository): photos with GPS in their
 * EXIF, PDFs of a given size, a hand-made encrypted PDF, a Windows executable, polyglots and a
 * minimal HEIC container with an Exif item.
 */
import { randomBytes } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';

/** GPS of the Binnenhof, The Hague: what a phone writes into every photo. */
const GPS = { GPSLatitudeRef: 'N', GPSLatitude: '52/1 4/1 47/1', GPSLongitudeRef: 'E', GPSLongitude: '4/1 18/1 48/1' };
const CAMERA = { Make: 'LoketTestPhone', Model: 'Secret Model 7', Artist: 'Jan de Vries' };

export async function photoWithGps(format: 'jpeg' | 'png' = 'jpeg', width = 640, height = 480): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><rect x="10" y="10" width="100" height="60" fill="#fff"/></svg>`,
        ),
        top: 0,
        left: 0,
      },
    ])
    .withExif({ IFD0: CAMERA, IFD3: GPS });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 80 }).toBuffer();
}

/** True when the buffer carries EXIF, XMP or our camera/GPS markers anywhere. */
export async function hasAnyMetadata(bytes: Buffer): Promise<boolean> {
  const meta = await sharp(bytes).metadata();
  return Boolean(meta.exif || meta.xmp || meta.iptc) || bytes.includes('Exif') || bytes.includes(CAMERA.Make);
}

export async function pdf(pages = 1, padTo = 0): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i += 1)
    doc.addPage([595, 842]).drawText(`Bankafschrift ${i + 1}`, { x: 50, y: 780, font, size: 14 });
  let bytes = Buffer.from(await doc.save());
  if (padTo > bytes.length) {
    // An attachment of random bytes: incompressible, so the file reaches the size we want.
    doc.attach(randomBytes(padTo - bytes.length - 600), 'ruis.bin', { mimeType: 'application/octet-stream' });
    bytes = Buffer.from(await doc.save({ useObjectStreams: false }));
  }
  return bytes;
}

/** pdf-lib cannot encrypt: a minimal PDF 1.4 with a Standard security handler, written by hand. */
export function encryptedPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -3904 >>`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const id = '0123456789abcdef0123456789abcdef';
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The start of a Windows PE executable: what a renamed "scan.pdf" that is really an .exe holds. */
export function windowsExecutable(): Buffer {
  const exe = Buffer.alloc(512);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c); // e_lfanew
  exe.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  exe.write('PE\0\0', 0x80, 'latin1');
  exe.writeUInt16LE(0x8664, 0x84); // x86-64
  return exe;
}

/** An empty ZIP archive: just its end-of-central-directory record. */
export const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

/** Synthetic HEIC: ftyp + meta (hdlr, pitm, iinf with an hvc1 and an Exif item, iloc) + mdat. */
export function heicWithExif(exif: Buffer): Buffer {
  const box = (type: string, ...parts: Buffer[]) => {
    const body = Buffer.concat(parts);
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + body.length);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, body]);
  };
  const full = (type: string, version: number, ...parts: Buffer[]) =>
    box(type, Buffer.from([version, 0, 0, 0]), ...parts);
  const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const infe = (id: number, type: string) =>
    full('infe', 2, u16(id), u16(0), Buffer.from(type, 'latin1'), Buffer.from([0]));
  const image = randomBytes(256);
  const exifItem = Buffer.concat([u32(0), exif]); // exif_tiff_header_offset, then the TIFF data
  const ftyp = box('ftyp', Buffer.from('heic', 'latin1'), u32(0), Buffer.from('mif1heic', 'latin1'));
  const build = (mdatStart: number) => {
    const iloc = full(
      'iloc',
      0,
      Buffer.from([0x44, 0x00]),
      u16(2),
      u16(1),
      u16(0),
      u16(1),
      u32(mdatStart),
      u32(image.length),
      u16(2),
      u16(0),
      u16(1),
      u32(mdatStart + image.length),
      u32(exifItem.length),
    );
    const meta = full(
      'meta',
      0,
      full('hdlr', 0, u32(0), Buffer.from('pict', 'latin1'), Buffer.alloc(12), Buffer.from([0])),
      full('pitm', 0, u16(1)),
      full('iinf', 0, u16(2), infe(1, 'hvc1'), infe(2, 'Exif')),
      iloc,
    );
    return meta;
  };
  const metaLength = build(0).length;
  const mdatStart = ftyp.length + metaLength + 8;
  return Buffer.concat([ftyp, build(mdatStart), box('mdat', image, exifItem)]);
}

/** True when EXIF data (as sharp's metadata().exif gives it) has a GPS IFD (tag 0x8825 in IFD0). */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') >= 0 ? exif.indexOf('Exif\0\0') + 6 : 0);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  const entries = u16(ifd0);
  for (let i = 0; i < entries; i += 1) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

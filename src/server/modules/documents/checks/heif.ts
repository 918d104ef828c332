/**
 * HEIC/HEIF (ISO/IEC 23008-12 on the ISO base media file format, ISO/IEC 14496-12) without
 * decoding: the sharp build we ship has libheif without an HEVC decoder (patents), so an iPhone
 * HEIC cannot be re-encoded here. We keep the file and remove its metadata at container level:
 * every 'Exif' item and every XMP item ('mime' with an RDF/XMP content type) gets its bytes
 * overwritten with zeros and its item type renamed, so no reader finds GPS or camera data.
 * The walk also checks the structure: boxes must tile the file exactly (nothing appended).
 */
import { refusal } from '../refusals';

interface Box {
  type: string;
  start: number;
  /** First byte of the payload (after size/type and a largesize) */
  body: number;
  end: number;
}

const STRIPPED_ITEM_TYPE = 'zero';

function readBoxes(bytes: Buffer, from: number, to: number): Box[] {
  const boxes: Box[] = [];
  let at = from;
  while (at < to) {
    if (to - at < 8) throw refusal('DOCUMENT_UNREADABLE');
    let size = bytes.readUInt32BE(at);
    let body = at + 8;
    if (size === 1) {
      if (to - at < 16) throw refusal('DOCUMENT_UNREADABLE');
      size = Number(bytes.readBigUInt64BE(at + 8));
      body = at + 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < body - at || at + size > to) throw refusal('DOCUMENT_UNREADABLE');
    boxes.push({ type: bytes.toString('latin1', at + 4, at + 8), start: at, body, end: at + size });
    at += size;
  }
  return boxes;
}

const child = (bytes: Buffer, parent: Box, type: string, fullBox: boolean) =>
  readBoxes(bytes, parent.body + (fullBox ? 4 : 0), parent.end).find((b) => b.type === type);

/** Item ids of metadata items, with the offset of their item_type in the file. */
function metadataItems(bytes: Buffer, iinf: Box): Map<number, number> {
  const version = bytes[iinf.body]!;
  const first = iinf.body + 4 + (version === 0 ? 2 : 4);
  const found = new Map<number, number>();
  for (const infe of readBoxes(bytes, first, iinf.end).filter((b) => b.type === 'infe')) {
    const infeVersion = bytes[infe.body]!;
    if (infeVersion < 2) continue; // v0/v1 carry no item_type (not used for images)
    const idSize = infeVersion === 2 ? 2 : 4;
    const id = idSize === 2 ? bytes.readUInt16BE(infe.body + 4) : bytes.readUInt32BE(infe.body + 4);
    const typeAt = infe.body + 4 + idSize + 2;
    const itemType = bytes.toString('latin1', typeAt, typeAt + 4);
    const contentType = itemType === 'mime' ? bytes.toString('latin1', typeAt + 4, infe.end) : '';
    if (itemType === 'Exif' || /xmp|rdf\+xml/i.test(contentType)) found.set(id, typeAt);
  }
  return found;
}

const readSized = (bytes: Buffer, at: number, size: number) =>
  size === 0 ? 0 : size === 4 ? bytes.readUInt32BE(at) : size === 8 ? Number(bytes.readBigUInt64BE(at)) : NaN;

/** Byte ranges [start, end) of each item's data in the file (construction method 0 or idat). */
function itemExtents(bytes: Buffer, iloc: Box, idat: Box | undefined): Map<number, Array<[number, number]>> {
  const version = bytes[iloc.body]!;
  let at = iloc.body + 4;
  const offsetSize = bytes[at]! >> 4;
  const lengthSize = bytes[at]! & 0x0f;
  const baseOffsetSize = bytes[at + 1]! >> 4;
  const indexSize = version >= 1 ? bytes[at + 1]! & 0x0f : 0;
  at += 2;
  const itemCount = version < 2 ? bytes.readUInt16BE(at) : bytes.readUInt32BE(at);
  at += version < 2 ? 2 : 4;
  const extents = new Map<number, Array<[number, number]>>();
  for (let i = 0; i < itemCount; i += 1) {
    const id = version < 2 ? bytes.readUInt16BE(at) : bytes.readUInt32BE(at);
    at += version < 2 ? 2 : 4;
    const method = version >= 1 ? bytes.readUInt16BE(at) & 0x0f : 0;
    at += version >= 1 ? 2 : 0;
    at += 2; // data_reference_index
    const base = readSized(bytes, at, baseOffsetSize);
    at += baseOffsetSize;
    const count = bytes.readUInt16BE(at);
    at += 2;
    const origin = method === 1 ? (idat?.body ?? NaN) : method === 0 ? 0 : NaN;
    const ranges: Array<[number, number]> = [];
    for (let e = 0; e < count; e += 1) {
      at += indexSize;
      const offset = readSized(bytes, at, offsetSize);
      at += offsetSize;
      const length = readSized(bytes, at, lengthSize);
      at += lengthSize;
      ranges.push([origin + base + offset, origin + base + offset + length]);
    }
    extents.set(id, ranges);
  }
  return extents;
}

/** A copy of the HEIF file with its Exif and XMP items zeroed; refuses a malformed file. */
export function stripHeifMetadata(input: Buffer): Buffer {
  const bytes = Buffer.from(input);
  try {
    const top = readBoxes(bytes, 0, bytes.length);
    const meta = top.find((b) => b.type === 'meta');
    if (top[0]?.type !== 'ftyp' || !meta) throw refusal('DOCUMENT_UNREADABLE');
    const iinf = child(bytes, meta, 'iinf', true);
    const iloc = child(bytes, meta, 'iloc', true);
    if (!iinf || !iloc || !child(bytes, meta, 'pitm', true)) throw refusal('DOCUMENT_UNREADABLE');
    const items = metadataItems(bytes, iinf);
    const extents = itemExtents(bytes, iloc, child(bytes, meta, 'idat', true));
    for (const [id, typeAt] of items) {
      for (const [start, end] of extents.get(id) ?? []) {
        if (!(start >= 0 && end <= bytes.length && start <= end)) throw refusal('DOCUMENT_UNREADABLE');
        bytes.fill(0, start, end);
      }
      bytes.write(STRIPPED_ITEM_TYPE, typeAt, 'latin1');
    }
    return bytes;
  } catch (error) {
    if (error instanceof RangeError) throw refusal('DOCUMENT_UNREADABLE');
    throw error;
  }
}

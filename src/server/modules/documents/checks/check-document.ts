/**
 * Everything a file must pass before it is stored as a document (issue 4, point 4), in this
 * order, each refusal with its own code:
 *   1. size: not empty, at most 20 MB
 *   2. malware scan of the bytes as received (clamd, or none): first, so the EICAR file is
 *      reported as infected whatever its type
 *   3. type by magic bytes against the allowlist; our sniffer and `file-type` must agree
 *   4. no polyglot (a ZIP directory at the end, markup at the start, data after a PDF's end)
 *   5. per type: a PDF must open and not be encrypted (stored as sent); a JPEG/PNG is
 *      re-encoded without metadata; a HEIC/HEIF is re-encoded to JPEG when this build can
 *      decode it, otherwise kept with its Exif/XMP items zeroed
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { polyglotSign, sizeRefusal, sniffDocumentType, type DocumentContentType } from '../../../../domain/documents';
import { ScannerUnavailableError, type Scanner } from '../../../scanner/index';
import { refusal } from '../refusals';
import { stripHeifMetadata } from './heif';
import { reencodeImage } from './images';
import { checkPdf } from './pdf';

export interface CheckedDocument {
  contentType: DocumentContentType;
  bytes: Buffer;
  sha256: string;
}

/** file-type's names for the types we allow (it calls mif1 'image/heif', heic/heix 'image/heic'). */
const FILE_TYPE_AGREES: Record<DocumentContentType, string[]> = {
  'application/pdf': ['application/pdf'],
  'image/jpeg': ['image/jpeg'],
  'image/png': ['image/png'],
  'image/heic': ['image/heic'],
  'image/heif': ['image/heif'],
};

async function scan(bytes: Buffer, scanner: Scanner): Promise<void> {
  try {
    const result = await scanner.scan(bytes);
    if (result.infected) throw refusal('DOCUMENT_INFECTED');
  } catch (error) {
    if (error instanceof ScannerUnavailableError) throw refusal('SCANNER_UNAVAILABLE');
    throw error;
  }
}

async function detectType(bytes: Buffer): Promise<DocumentContentType> {
  const ours = sniffDocumentType(bytes.subarray(0, 64));
  const theirs = await fileTypeFromBuffer(bytes);
  if (!ours || !theirs || !FILE_TYPE_AGREES[ours].includes(theirs.mime)) throw refusal('DOCUMENT_TYPE_NOT_ALLOWED');
  return ours;
}

async function normalise(
  bytes: Buffer,
  type: DocumentContentType,
): Promise<{ contentType: DocumentContentType; bytes: Buffer }> {
  switch (type) {
    case 'application/pdf':
      await checkPdf(bytes);
      return { contentType: type, bytes };
    case 'image/jpeg':
    case 'image/png':
      return { contentType: type, bytes: await reencodeImage(bytes, type) };
    case 'image/heic':
    case 'image/heif': {
      // Validate the container first: it also rules out anything appended to the file.
      const stripped = stripHeifMetadata(bytes);
      try {
        return { contentType: 'image/jpeg', bytes: await reencodeImage(bytes, 'image/jpeg') };
      } catch {
        return { contentType: type, bytes: stripped };
      }
    }
  }
}

export async function checkDocument(input: Buffer, scanner: Scanner): Promise<CheckedDocument> {
  const tooBig = sizeRefusal(input.length);
  if (tooBig) throw refusal(tooBig);
  await scan(input, scanner);
  const type = await detectType(input);
  if (polyglotSign(input, type)) throw refusal('DOCUMENT_POLYGLOT');
  const result = await normalise(input, type);
  return { ...result, sha256: createHash('sha256').update(result.bytes).digest('hex') };
}

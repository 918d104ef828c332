/**
 * A PDF must open as a PDF (pdf-lib parses its objects and page tree) and must not be
 * encrypted: an encrypted file cannot be read by the case worker without the resident's
 * password, and its content cannot be scanned. The bytes are stored unchanged.
 */
import { PDFDocument } from 'pdf-lib';
import { refusal } from '../refusals';

export async function checkPdf(bytes: Buffer): Promise<void> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: true,
    });
  } catch {
    throw refusal('DOCUMENT_UNREADABLE');
  }
  if (document.isEncrypted) throw refusal('DOCUMENT_ENCRYPTED_PDF');
  if (pageCount(document) < 1) throw refusal('DOCUMENT_UNREADABLE');
}

/** pdf-lib throws on a missing catalog or page tree: that is a page count of zero to us. */
function pageCount(document: PDFDocument): number {
  try {
    return document.getPageCount();
  } catch {
    return 0;
  }
}

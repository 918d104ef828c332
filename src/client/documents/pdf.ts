/**
 * Photos of a multi-page paper as one PDF, made in the browser with pdf-lib (loaded only when a
 * resident sends more than one photo). Each page takes its photo's proportions with A4's long
 * side, so it prints and reads like the paper it shows.
 *
 * Only JPEGs we made ourselves go in (reduce-core.ts): the server stores a PDF byte for byte,
 * so a camera's original JPEG, with its EXIF and GPS, must never be embedded.
 */
import { PDFDocument } from 'pdf-lib';

/** A4's long side in PDF points (297 mm). */
const A4_LONG_SIDE_PT = 841.89;

export async function photosToPdf(jpegs: readonly ArrayBuffer[]): Promise<ArrayBuffer> {
  // No Producer, Creator or dates: nothing about the device or the moment goes along.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (const jpeg of jpegs) {
    const image = await pdf.embedJpg(jpeg);
    const scale = A4_LONG_SIDE_PT / Math.max(image.width, image.height);
    const page = pdf.addPage([image.width * scale, image.height * scale]);
    page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  }
  const bytes = await pdf.save();
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

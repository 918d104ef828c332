/**
 * Photos are decoded and encoded again with sharp: what is stored is only the pixels, so all
 * metadata (EXIF with GPS position, camera serial, XMP, IPTC, maker notes, thumbnails) and
 * anything appended to the file is gone. The EXIF orientation is applied first, so the page is
 * still the right way up without the tag. Colour profiles are converted to sRGB.
 */
import sharp from 'sharp';
import { MAX_IMAGE_PIXELS } from '../../../../domain/documents';
import { refusal } from '../refusals';

export type ImageOutput = 'image/jpeg' | 'image/png';

function decoder(bytes: Buffer) {
  // failOn 'error': a truncated or corrupt photo is refused instead of stored half grey.
  return sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' });
}

export async function reencodeImage(bytes: Buffer, output: ImageOutput): Promise<Buffer> {
  try {
    const image = decoder(bytes).autoOrient();
    return output === 'image/png'
      ? await image.png({ compressionLevel: 6 }).toBuffer()
      : await image.jpeg({ quality: 90, chromaSubsampling: '4:2:0' }).toBuffer();
  } catch {
    throw refusal('DOCUMENT_UNREADABLE');
  }
}

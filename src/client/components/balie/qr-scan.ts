/**
 * Reading the QR code on a resident's appointment page with the desk's camera (issue 14).
 *
 * Only where the browser has the Shape Detection API's BarcodeDetector with QR codes (Chromium
 * on Android, ChromeOS, macOS and Windows with the flag; not Safari or Firefox today) and a
 * camera: feature-detected, and without it the desk types the reference. Deliberately no
 * JavaScript QR decoder library: the reference is short and made to be read aloud (no 0/O, 1/I),
 * typing it always works, and a decoder would add tens of KiB to the desk's chunk for a shortcut.
 */

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
}

function detectorClass(): BarcodeDetectorClass | null {
  const candidate = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  return typeof candidate === 'function' ? candidate : null;
}

/** Whether this browser can read a QR code from the camera. */
export async function canScanQr(): Promise<boolean> {
  const Detector = detectorClass();
  if (!Detector || typeof navigator.mediaDevices?.getUserMedia !== 'function') return false;
  try {
    const formats = (await Detector.getSupportedFormats?.()) ?? ['qr_code'];
    return formats.includes('qr_code');
  } catch {
    return false;
  }
}

/** How often a frame is looked at: often enough to feel instant, rarely enough for a desk PC. */
const SCAN_INTERVAL_MS = 250;

export interface QrScan {
  /** Resolves with the first QR code's text; rejects when the camera cannot be used. */
  result: Promise<string>;
  /** Stops the camera (also after a result). */
  stop: () => void;
}

/** Starts the camera into `video` and reads frames until a QR code is seen or `stop` is called. */
export function scanQr(video: HTMLVideoElement): QrScan {
  let stream: MediaStream | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
    video.srcObject = null;
  };
  const result = (async () => {
    const Detector = detectorClass();
    if (!Detector) throw new Error('BarcodeDetector missing');
    const detector = new Detector({ formats: ['qr_code'] });
    // The desk's camera facing the resident's phone: the back camera on a tablet, any on a PC.
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    if (stopped) {
      stop();
      throw new Error('stopped');
    }
    video.srcObject = stream;
    await video.play().catch(() => undefined);
    return new Promise<string>((resolve, reject) => {
      const look = async () => {
        if (stopped) return reject(new Error('stopped'));
        try {
          const [code] = await detector.detect(video);
          if (code?.rawValue) {
            stop();
            return resolve(code.rawValue);
          }
        } catch {
          // A frame that could not be read (not ready yet): try the next one.
        }
        timer = setTimeout(() => void look(), SCAN_INTERVAL_MS);
      };
      void look();
    });
  })();
  result.catch(() => stop());
  return { result, stop };
}

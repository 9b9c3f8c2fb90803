import jsQR from 'jsqr';

/**
 * Reads a QR code from one camera frame's RGBA pixels with the bundled decoder (jsqr: no download at run time), for
 * browsers without BarcodeDetector. Null when the frame holds no readable code.
 */
export function decodeQrPixels(data: Uint8ClampedArray, width: number, height: number): string | null {
  const code = jsQR(data, width, height, { inversionAttempts: 'dontInvert' });
  return code && code.data !== '' ? code.data : null;
}

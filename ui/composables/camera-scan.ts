import { onBeforeUnmount, ref } from 'vue';

/** The Shape Detection API where Chromium has it (not in every type library yet). */
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

/** Why the camera gave nothing: no camera or permission refused, or nothing read before the time ran out. */
export type CameraProblem = 'unavailable' | 'timeout';

/** How often a frame is read, and how long the camera stays on without reading a code. */
const FRAME_MS = 250;
const GIVE_UP_MS = 30_000;

/** A frame reader: Chromium's BarcodeDetector for QR codes when present, else the bundled jsqr on a canvas. */
async function frameReader(): Promise<(video: HTMLVideoElement) => Promise<string | null>> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (Detector && (await Detector.getSupportedFormats()).includes('qr_code')) {
    const detector = new Detector({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  // The bundled decoder (jsqr, a third of the kiosk's script) loads only when a camera without it is first used.
  const { decodeQrPixels } = await import('../qr-pixels');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!context || video.videoWidth === 0) return null;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    return decodeQrPixels(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
  };
}

/**
 * The device's camera reading one QR code, started by a button (never on its own): `start(video)` shows the camera in
 * `video` and resolves the first code read, or null (stopped, no camera, or 30 s without a code; `problem` says why).
 * The camera is turned off as soon as it resolves, and when the component unmounts.
 */
export function useCameraScan() {
  const active = ref(false);
  const problem = ref<CameraProblem | null>(null);
  let stream: MediaStream | null = null;
  let stopped = false;

  function stop(): void {
    stopped = true;
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
    active.value = false;
  }

  async function start(video: HTMLVideoElement): Promise<string | null> {
    problem.value = null;
    stopped = false;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch (error) {
      console.warn('camera unavailable', error);
      problem.value = 'unavailable';
      return null;
    }
    active.value = true;
    video.srcObject = stream;
    await video.play();
    const read = await frameReader();
    const until = Date.now() + GIVE_UP_MS;
    while (!stopped && Date.now() < until) {
      const text = await read(video);
      if (text) {
        stop();
        return text;
      }
      await new Promise((resolve) => setTimeout(resolve, FRAME_MS));
    }
    if (!stopped) problem.value = 'timeout';
    stop();
    return null;
  }

  onBeforeUnmount(stop);
  return { active, problem, start, stop };
}

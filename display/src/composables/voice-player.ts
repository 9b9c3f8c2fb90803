import { ref } from 'vue';
import { scheduleChime } from './chime';

/** The constructor of a Web Audio context, or null where the browser has none. */
export type AudioContextCtor = new () => AudioContext;

/** Sequence tokens besides clip ids: the chime, and a pause between two repetitions. */
export const CHIME = 'chime';
export const PAUSE = 'pause';
const PAUSE_SECONDS = 0.8;
/** Silence between two clips (their own leading/trailing silence is trimmed). */
const CLIP_GAP_SECONDS = 0.06;

interface Clip {
  buffer: AudioBuffer;
  offset: number;
  duration: number;
}

function browserAudioContext(): AudioContextCtor | null {
  const g = globalThis as { AudioContext?: AudioContextCtor; webkitAudioContext?: AudioContextCtor };
  return g.AudioContext ?? g.webkitAudioContext ?? null;
}

/** The sounding part of a clip: leading and trailing silence cut, 20 ms kept on each side. */
function trimmed(buffer: AudioBuffer): Clip {
  const data = buffer.getChannelData(0);
  let first = 0;
  let last = data.length - 1;
  while (first < last && Math.abs(data[first] as number) < 0.01) first++;
  while (last > first && Math.abs(data[last] as number) < 0.01) last--;
  const margin = Math.round(buffer.sampleRate * 0.02);
  const start = Math.max(0, first - margin);
  const end = Math.min(data.length, last + margin);
  return { buffer, offset: start / buffer.sampleRate, duration: Math.max(0, end - start) / buffer.sampleRate };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Speaks a sequence by playing short clips back to back with Web Audio (clips from `GET /api/voice/<id>`, decoded
 * once and cached), after the synthesised chime. Resolves when the sequence has finished, measured on the wall
 * clock, so a suspended or missing audio device never stalls the announcement queue. A missing clip is skipped.
 */
export function createVoicePlayer(ctor: AudioContextCtor | null = browserAudioContext(), fetchClip = (id: string) => fetch(`/api/voice/${id}`)) {
  let ctx: AudioContext | null = null;
  const cache = new Map<string, Promise<Clip | null>>();
  /** True when the browser keeps audio suspended until someone touches the screen (no autoplay flag). */
  const blocked = ref(false);

  function context(): AudioContext | null {
    if (ctx || !ctor) return ctx;
    try {
      ctx = new ctor();
    } catch (error) {
      console.warn('voice: no audio context', error);
      ctor = null;
    }
    return ctx;
  }

  function unlock(): void {
    const c = context();
    if (c?.state === 'suspended') c.resume().then(() => (blocked.value = false), (error: unknown) => console.warn('voice: audio still blocked', error));
  }

  function load(c: AudioContext, id: string): Promise<Clip | null> {
    let clip = cache.get(id);
    if (!clip) {
      clip = fetchClip(id)
        .then(async (res) => (res.ok ? trimmed(await c.decodeAudioData(await res.arrayBuffer())) : null))
        .catch((error: unknown) => {
          console.warn(`voice: clip ${id} unavailable`, error);
          cache.delete(id);
          return null;
        });
      cache.set(id, clip);
    }
    return clip;
  }

  /** Plays `sequence` (clip ids, CHIME, PAUSE) at `volume` 0–100. */
  async function play(sequence: readonly string[], volume: number): Promise<void> {
    const c = context();
    if (!c) return;
    unlock();
    const ids = [...new Set(sequence.filter((s) => s !== CHIME && s !== PAUSE))];
    const clips = new Map(await Promise.all(ids.map(async (id) => [id, await load(c, id)] as const)));
    blocked.value = c.state === 'suspended';
    const out = c.createGain();
    out.gain.value = Math.max(0, Math.min(1, volume / 100));
    out.connect(c.destination);
    const t0 = c.currentTime + 0.05;
    let t = t0;
    for (const token of sequence) {
      if (token === CHIME) t = scheduleChime(c, out, t);
      else if (token === PAUSE) t += PAUSE_SECONDS;
      else {
        const clip = clips.get(token);
        if (!clip) continue;
        const source = c.createBufferSource();
        source.buffer = clip.buffer;
        source.connect(out);
        source.start(t, clip.offset, clip.duration);
        t += clip.duration + CLIP_GAP_SECONDS;
      }
    }
    await sleep((t - t0) * 1000 + 100);
    out.disconnect();
  }

  return { play, unlock, blocked };
}

/** A voice player. */
export type VoicePlayer = ReturnType<typeof createVoicePlayer>;

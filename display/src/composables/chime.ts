import { ref } from 'vue';

/** The constructor of a Web Audio context, or null where the browser has none. */
export type AudioContextCtor = new () => AudioContext;

/** A two-tone "ding-dong" synthesized with Web Audio: no audio file to load or ship. */
export interface Chime {
  /** Schedules the chime; false when there is no audio (no Web Audio, or the context could not be created). */
  play(): boolean;
  /** Resumes a context the autoplay policy suspended; call from a user gesture. */
  unlock(): void;
  /** True when the browser keeps audio suspended until someone touches the screen. */
  blocked(): boolean;
}

/** E5 then C5, like a door chime; each tone with a soft octave overtone for a bell colour. */
const TONES = [
  { freq: 659.25, at: 0, duration: 0.9 },
  { freq: 523.25, at: 0.5, duration: 1.4 },
] as const;

function browserAudioContext(): AudioContextCtor | null {
  const g = globalThis as { AudioContext?: AudioContextCtor; webkitAudioContext?: AudioContextCtor };
  return g.AudioContext ?? g.webkitAudioContext ?? null;
}

function tone(ctx: AudioContext, freq: number, start: number, duration: number, peak: number): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'sine';
  osc.frequency.setValueAtTime(freq, start);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(peak, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
  osc.connect(gain);
  gain.connect(ctx.destination);
  osc.start(start);
  osc.stop(start + duration + 0.05);
}

/** Creates a chime on its own lazily created audio context (`ctor` injectable for tests). */
export function createChime(ctor: AudioContextCtor | null = browserAudioContext()): Chime {
  let ctx: AudioContext | null = null;

  function context(): AudioContext | null {
    if (ctx || !ctor) return ctx;
    try {
      ctx = new ctor();
    } catch (error) {
      console.warn('chime: no audio context', error);
      ctor = null;
    }
    return ctx;
  }

  function unlock(): void {
    const c = context();
    if (c && c.state === 'suspended') {
      c.resume().catch((error: unknown) => console.warn('chime: audio still blocked by the browser', error));
    }
  }

  function play(): boolean {
    const c = context();
    if (!c) return false;
    try {
      unlock();
      const t0 = c.currentTime + 0.05;
      for (const t of TONES) {
        tone(c, t.freq, t0 + t.at, t.duration, 0.5);
        tone(c, t.freq * 2, t0 + t.at, t.duration * 0.6, 0.12);
      }
      return true;
    } catch (error) {
      console.warn('chime: could not play', error);
      return false;
    }
  }

  return { play, unlock, blocked: () => ctx?.state === 'suspended' };
}

let shared: Chime | null = null;
const blocked = ref(false);

function sharedChime(): Chime {
  shared ??= createChime();
  return shared;
}

/** The display's chime; `blocked` turns true when a chime could not sound because of the autoplay policy. */
export function useChime() {
  return {
    play(): boolean {
      const chime = sharedChime();
      const played = chime.play();
      blocked.value = chime.blocked();
      return played;
    },
    blocked,
  };
}

/** Resumes audio on the first touch, click or key press (TV browsers without the autoplay flag need one). */
export function unlockChimeOnGesture(target: Pick<Window, 'addEventListener'> = window): void {
  const onGesture = (): void => {
    const chime = sharedChime();
    chime.unlock();
    blocked.value = false;
  };
  for (const e of ['pointerdown', 'keydown'] as const) target.addEventListener(e, onGesture, { passive: true });
}

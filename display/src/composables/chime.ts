/** E5 then C5, like a door chime; each tone with a soft octave overtone for a bell colour. */
const TONES = [
  { freq: 659.25, at: 0, duration: 0.9 },
  { freq: 523.25, at: 0.5, duration: 1.4 },
] as const;

/** Seconds from the chime's start until speech may begin (the second tone has mostly faded). */
export const CHIME_SECONDS = 1.6;

function tone(ctx: BaseAudioContext, out: AudioNode, freq: number, start: number, duration: number, peak: number): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'sine';
  osc.frequency.setValueAtTime(freq, start);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(peak, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
  osc.connect(gain);
  gain.connect(out);
  osc.start(start);
  osc.stop(start + duration + 0.05);
}

/**
 * Schedules the two-tone "ding-dong" (synthesised with Web Audio: no file to load or ship) at `start` on `out`;
 * returns the time speech may follow.
 */
export function scheduleChime(ctx: BaseAudioContext, out: AudioNode, start: number): number {
  for (const t of TONES) {
    tone(ctx, out, t.freq, start + t.at, t.duration, 0.5);
    tone(ctx, out, t.freq * 2, start + t.at, t.duration * 0.6, 0.12);
  }
  return start + CHIME_SECONDS;
}

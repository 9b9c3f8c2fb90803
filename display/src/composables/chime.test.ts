import { describe, expect, it, vi } from 'vitest';
import { CHIME_SECONDS, scheduleChime } from './chime';

/** A minimal Web Audio fake that records the oscillators started. */
function fakeContext() {
  const started: Array<{ freq: number; at: number }> = [];
  const ctx = {
    createGain: () => ({ gain: { setValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() }, connect: vi.fn() }),
    createOscillator: () => {
      let freq = 0;
      return {
        type: 'sine',
        frequency: { setValueAtTime: (f: number) => (freq = f) },
        connect: vi.fn(),
        start: (at: number) => started.push({ freq, at }),
        stop: vi.fn(),
      };
    },
  };
  return { ctx: ctx as unknown as BaseAudioContext, started };
}

describe('chime', () => {
  it('schedules a two-tone ding-dong, high then low, and says when speech may follow', () => {
    const { ctx, started } = fakeContext();
    const end = scheduleChime(ctx, {} as AudioNode, 10);
    const fundamentals = started.filter((s) => s.freq < 1000);
    expect(fundamentals.map((s) => s.freq)).toEqual([659.25, 523.25]);
    expect(fundamentals[1]!.at - fundamentals[0]!.at).toBeCloseTo(0.5);
    expect(started).toHaveLength(4);
    expect(end).toBeCloseTo(10 + CHIME_SECONDS);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChime, useChime, type AudioContextCtor } from './chime';

/** A minimal Web Audio fake that records the oscillators started. */
function fakeAudio(state: AudioContextState = 'running') {
  const started: Array<{ freq: number; at: number }> = [];
  const resume = vi.fn(() => Promise.resolve());
  class FakeContext {
    state = state;
    currentTime = 10;
    destination = {};
    resume = resume;
    createGain() {
      return { gain: { setValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() }, connect: vi.fn() };
    }
    createOscillator() {
      let freq = 0;
      return {
        type: 'sine',
        frequency: { setValueAtTime: (f: number) => (freq = f) },
        connect: vi.fn(),
        start: (at: number) => started.push({ freq, at }),
        stop: vi.fn(),
      };
    }
  }
  return { ctor: FakeContext as unknown as AudioContextCtor, started, resume };
}

describe('chime', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('does not throw and reports no sound when Web Audio is missing', () => {
    expect(createChime(null).play()).toBe(false);
    vi.stubGlobal('AudioContext', undefined);
    expect(() => useChime().play()).not.toThrow();
    expect(useChime().play()).toBe(false);
  });

  it('does not throw when the audio context cannot be created', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const Broken = function () {
      throw new Error('NotAllowedError');
    } as unknown as AudioContextCtor;
    const chime = createChime(Broken);
    expect(chime.play()).toBe(false);
    expect(chime.play()).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('plays a two-tone ding-dong, high then low', () => {
    const audio = fakeAudio();
    expect(createChime(audio.ctor).play()).toBe(true);
    const fundamentals = audio.started.filter((s) => s.freq < 1000);
    expect(fundamentals.map((s) => s.freq)).toEqual([659.25, 523.25]);
    expect(fundamentals[1]!.at - fundamentals[0]!.at).toBeCloseTo(0.5);
    expect(audio.started).toHaveLength(4);
  });

  it('resumes a context suspended by the autoplay policy and says it is blocked', () => {
    const audio = fakeAudio('suspended');
    const chime = createChime(audio.ctor);
    expect(chime.play()).toBe(true);
    expect(audio.resume).toHaveBeenCalled();
    expect(chime.blocked()).toBe(true);
  });
});

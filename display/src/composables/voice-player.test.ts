import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHIME_SECONDS } from './chime';
import { CHIME, createVoicePlayer, PAUSE, type AudioContextCtor } from './voice-player';

/** One second of "speech" (0.5 at 8 kHz) between 0.25 s of silence on each side. */
function fakeBuffer() {
  const data = new Float32Array(12_000);
  data.fill(0.5, 2000, 10_000);
  return { sampleRate: 8000, getChannelData: () => data, length: data.length };
}

/** A Web Audio fake recording each buffer source start (when, offset, duration) and the master volume. */
function fakeAudio() {
  const starts: Array<{ at: number; offset: number; duration: number }> = [];
  const gains: number[] = [];
  class FakeContext {
    state = 'running';
    currentTime = 100;
    destination = {};
    resume = () => Promise.resolve();
    decodeAudioData = () => Promise.resolve(fakeBuffer());
    createGain() {
      const gain = { value: 1, setValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() };
      gains.push(1);
      const i = gains.length - 1;
      return { gain: new Proxy(gain, { set: (t, k, v) => ((gains[i] = v as number), Reflect.set(t, k, v)) }), connect: vi.fn(), disconnect: vi.fn() };
    }
    createOscillator() {
      return { type: 'sine', frequency: { setValueAtTime: vi.fn() }, connect: vi.fn(), start: vi.fn(), stop: vi.fn() };
    }
    createBufferSource() {
      return { buffer: null, connect: vi.fn(), start: (at: number, offset: number, duration: number) => starts.push({ at, offset, duration }) };
    }
  }
  return { ctor: FakeContext as unknown as AudioContextCtor, starts, gains };
}

const ok = () => Promise.resolve(new Response(new ArrayBuffer(8)));

describe('voice player', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('plays the clips back to back after the chime, silence trimmed, skipping a missing clip, at the volume', async () => {
    const audio = fakeAudio();
    const fetched: string[] = [];
    const player = createVoicePlayer(audio.ctor, (id) => {
      fetched.push(id);
      return id === 'vi-khong-co' ? Promise.resolve(new Response('', { status: 404 })) : ok();
    });
    let done = false;
    const playing = player.play([CHIME, 'vi-mootj', 'vi-khong-co', 'vi-hai', PAUSE, 'vi-mootj'], 40).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetched).toEqual(['vi-mootj', 'vi-khong-co', 'vi-hai']);
    // Each clip: 1 s of sound + 20 ms margins = 1.04 s, then a 60 ms gap.
    const t0 = 100.05 + CHIME_SECONDS;
    expect(audio.starts.map((s) => s.at)).toEqual([t0, t0 + 1.1, t0 + 2.2 + 0.8].map((x) => expect.closeTo(x, 2)));
    expect(audio.starts[0]!.offset).toBeCloseTo(0.23);
    expect(audio.starts[0]!.duration).toBeCloseTo(1.04);
    expect(audio.gains[0]).toBeCloseTo(0.4); // the master gain, created first
    await vi.advanceTimersByTimeAsync(4000);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(2000);
    await playing;
    expect(done).toBe(true);
  });

  it('decodes each clip once', async () => {
    const audio = fakeAudio();
    const fetchClip = vi.fn(ok);
    const player = createVoicePlayer(audio.ctor, fetchClip);
    const first = player.play(['vi-ba'], 100);
    await vi.advanceTimersByTimeAsync(5000);
    await first;
    const second = player.play(['vi-ba', 'vi-ba'], 100);
    await vi.advanceTimersByTimeAsync(5000);
    await second;
    expect(fetchClip).toHaveBeenCalledTimes(1);
    expect(audio.starts).toHaveLength(3);
  });

  it('resolves at once without Web Audio, so the queue never stalls', async () => {
    await expect(createVoicePlayer(null, ok).play([CHIME, 'vi-mootj'], 80)).resolves.toBeUndefined();
  });
});

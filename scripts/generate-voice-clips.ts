// `npx tsx scripts/generate-voice-clips.ts [out]`: regenerates the shipped voice clip set (public/voice/<id>.ogg) with espeak-ng and opusenc.
// Needed only at development time (Debian: apt install espeak-ng opus-tools); the compressed clips are committed.
// Offices replace any clip with a human recording by dropping `<id>.ogg|.opus|.mp3|.wav` into VOICE_DIR (README).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { voiceClipCatalog } from '../shared/announcement';

const OUT = resolve(process.argv[2] ?? 'public/voice');
/** espeak-ng voices: northern Vietnamese, and English read slowly enough for a hall. */
const VOICES = { vi: { voice: 'vi', speed: '140' }, en: { voice: 'en-us', speed: '145' } } as const;

const work = mkdtempSync(join(tmpdir(), 'motcua-voice-'));
mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) if (f.endsWith('.ogg')) rmSync(join(OUT, f));

const catalog = voiceClipCatalog();
let bytes = 0;
for (const clip of catalog) {
  const wav = join(work, `${clip.id}.wav`);
  const ogg = join(OUT, `${clip.id}.ogg`);
  const v = VOICES[clip.lang];
  execFileSync('espeak-ng', ['-v', v.voice, '-s', v.speed, '-a', '180', '-w', wav, clip.text]);
  // Mono speech at 24 kb/s: about 3 KB per word, the whole set well under 1 MB.
  execFileSync('opusenc', ['--quiet', '--bitrate', '24', '--downmix-mono', wav, ogg]);
  bytes += statSync(ogg).size;
}
const manifest = ['# id\tlang\ttext (what the clip says; record a replacement with the same id)', ...catalog.map((c) => `${c.id}\t${c.lang}\t${c.text}`)];
writeFileSync(join(OUT, 'clips.tsv'), `${manifest.join('\n')}\n`);
rmSync(work, { recursive: true, force: true });
process.stdout.write(`${catalog.length} clips, ${Math.round(bytes / 1024)} KB → ${OUT}\n`);

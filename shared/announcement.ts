import { digitWordList, numberWordList, type ZeroTens } from './number-words';

/** Default wording (domain.md §2): placeholders {number}, {counter} and {counterName} (the latter text only). */
export const DEFAULT_ANNOUNCEMENT_TEMPLATE = 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}';

/** How the number part of a ticket is read: as a whole number, or digit by digit. */
export type NumberReading = 'words' | 'digits';

/** Settings of the spoken call (per display). */
export interface AnnouncementOptions {
  template?: string;
  numberReading?: NumberReading;
  zeroTens?: ZeroTens;
  /** Adds the English sentence after the Vietnamese one. */
  english?: boolean;
}

/** What to announce. */
export interface AnnouncementInput {
  /** The ticket number as shown, e.g. "A1023". */
  number: string;
  counterNumber: number;
  counterName?: string;
}

/** The spoken text, and the clip ids to play back to back (files `<id>.ogg` under /voice/vi/). */
export interface Announcement {
  text: string;
  clips: string[];
}

/** One clip of the shipped set: its id (the file name without extension), language and what it says. */
export interface VoiceClip {
  id: string;
  lang: 'vi' | 'en';
  text: string;
}

/** How Vietnamese letters are spelled aloud (ticket prefixes). */
const LETTER_NAMES_VI: Record<string, string> = {
  A: 'a', B: 'bê', C: 'xê', D: 'dê', Đ: 'đê', E: 'e', F: 'ép', G: 'giê', H: 'hát', I: 'i', J: 'gi', K: 'ca', L: 'e lờ',
  M: 'em mờ', N: 'en nờ', O: 'o', P: 'pê', Q: 'quy', R: 'e rờ', S: 'ét xì', T: 'tê', U: 'u', V: 'vê', W: 'vê kép',
  X: 'ích xì', Y: 'i dài', Z: 'dét',
};

/** Phrases recorded as one clip (they sound better than word by word); the longest match wins. */
export const VOICE_PHRASES_VI = [
  'xin mời công dân có số thứ tự',
  'kính mời công dân có số thứ tự',
  'xin mời số thứ tự',
  'đến quầy số',
] as const;

const NUMBER_WORDS_VI = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mươi', 'mốt', 'tư', 'lăm', 'linh', 'lẻ', 'trăm', 'nghìn', 'triệu', 'tỷ'];
const EN_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const TONES: Record<string, string> = { '\u0300': 'f', '\u0301': 's', '\u0309': 'r', '\u0303': 'x', '\u0323': 'j' };

/**
 * A Vietnamese word as ASCII Telex (the usual Vietnamese typing scheme), used as clip file names: "mười" →
 * "muwowif", "không" → "khoong", "lẻ" → "ler". Distinct words never share a name ("mốt" "moots" ≠ "một" "mootj").
 */
export function telex(word: string): string {
  let out = '';
  let tone = '';
  for (const ch of word.toLowerCase().normalize('NFD')) {
    if (ch === 'đ') out += 'dd';
    else if (ch === '\u0302') out += out.slice(-1);
    else if (ch === '\u0306' || ch === '\u031b') out += 'w';
    else if (TONES[ch]) tone = TONES[ch] as string;
    else if (/[a-z0-9]/.test(ch)) out += ch;
  }
  return out + tone;
}

/** Clip id of a Vietnamese word or phrase. */
export const viClip = (words: string): string => `vi-${words.split(/\s+/).filter(Boolean).map(telex).join('-')}`;
/** Clip id of a spelled letter (Vietnamese: "vi-chu-b" says "bê"; "vi-chu-dd" says "đê"). */
export const viLetterClip = (letter: string): string => `vi-chu-${telex(letter)}`;

const words = (text: string): string[] => text.toLowerCase().split(/[\s,.;:!?–—-]+/).filter(Boolean);

/** Clips of literal template text: known phrases as one clip (longest first), other words one clip each. */
function literalClips(text: string): string[] {
  const list = words(text);
  const phrases = VOICE_PHRASES_VI.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
  const clips: string[] = [];
  for (let i = 0; i < list.length; ) {
    const phrase = phrases.find((p) => p.every((w, k) => list[i + k] === w));
    clips.push(viClip((phrase ?? [list[i] as string]).join(' ')));
    i += phrase ? phrase.length : 1;
  }
  return clips;
}

/** "A1023" → its letters and its digits; anything else in it is ignored. */
export function splitTicketNumber(number: string): { letters: string[]; digits: string } {
  const upper = number.toUpperCase();
  return { letters: [...upper].filter((c) => c in LETTER_NAMES_VI), digits: upper.replace(/[^0-9]/g, '') };
}

function englishNumber(n: number): string[] {
  if (n < 20) return [EN_WORDS[n] as string];
  if (n < 100) return [EN_TENS[Math.floor(n / 10)] as string, ...(n % 10 ? [EN_WORDS[n % 10] as string] : [])];
  return [...String(n)].map((d) => EN_WORDS[Number(d)] as string);
}

function english(input: AnnouncementInput): Announcement {
  const split = splitTicketNumber(input.number);
  const letters = split.letters.map((l) => (l === 'Đ' ? 'D' : l));
  const digits = split.digits;
  const numberWords = [...letters, ...[...digits].map((d) => EN_WORDS[Number(d)] as string)];
  const counterWords = englishNumber(input.counterNumber);
  return {
    text: `Ticket number ${numberWords.join(' ')}, please go to counter ${counterWords.join(' ')}.`,
    clips: ['en-ticket-number', ...letters.map((l) => `en-letter-${l.toLowerCase()}`), ...[...digits].map((d) => `en-${EN_WORDS[Number(d)]}`), 'en-please-go-to-counter', ...counterWords.map((w) => `en-${w}`)],
  };
}

/**
 * Builds the call announcement from a template: "{number}" is the ticket number with its prefix letters spelled
 * and its digits read as one number (or digit by digit), "{counter}" the counter number in words, "{counterName}"
 * the counter's name (shown, not voiced). The same function runs on the displays and in the admin preview.
 */
export function buildAnnouncement(input: AnnouncementInput, options: AnnouncementOptions = {}): Announcement {
  const template = options.template?.trim() || DEFAULT_ANNOUNCEMENT_TEMPLATE;
  const { letters, digits } = splitTicketNumber(input.number);
  const numberWords =
    options.numberReading === 'digits' ? digitWordList(digits) : digits ? numberWordList(Number(digits), { zeroTens: options.zeroTens }) : [];
  const counterWords = numberWordList(input.counterNumber, { zeroTens: options.zeroTens });
  const text: string[] = [];
  const clips: string[] = [];
  for (const part of template.split(/(\{number\}|\{counter\}|\{counterName\})/)) {
    if (part === '{number}') {
      text.push(...letters.map((l) => LETTER_NAMES_VI[l] as string), ...numberWords);
      clips.push(...letters.map(viLetterClip), ...numberWords.map(viClip));
    } else if (part === '{counter}') {
      text.push(...counterWords);
      clips.push(...counterWords.map(viClip));
    } else if (part === '{counterName}') {
      if (input.counterName) text.push(input.counterName);
    } else if (part.trim()) {
      text.push(part.trim());
      clips.push(...literalClips(part));
    }
  }
  const vi = { text: text.join(' ').replace(/\s+([,.;:!?])/g, '$1'), clips };
  if (!options.english) return vi;
  const en = english(input);
  return { text: `${vi.text}. ${en.text}`, clips: [...vi.clips, ...en.clips] };
}

/** Every clip the shipped set holds (what scripts/generate-voice-clips.ts synthesises), with what it says. */
export function voiceClipCatalog(): VoiceClip[] {
  const vi = (text: string, id = viClip(text)): VoiceClip => ({ id, lang: 'vi', text });
  const en = (id: string, text: string): VoiceClip => ({ id: `en-${id}`, lang: 'en', text });
  const phraseWords = new Set(VOICE_PHRASES_VI.flatMap((p) => p.split(' ')));
  return [
    ...VOICE_PHRASES_VI.map((p) => vi(p)),
    ...[...phraseWords, 'quầy', 'số'].filter((w, i, all) => all.indexOf(w) === i).map((w) => vi(w)),
    ...NUMBER_WORDS_VI.map((w) => vi(w)),
    ...Object.entries(LETTER_NAMES_VI).map(([letter, name]) => vi(name, viLetterClip(letter))),
    en('ticket-number', 'Ticket number'),
    en('please-go-to-counter', 'please go to counter'),
    ...[...EN_WORDS, ...EN_TENS.filter(Boolean)].map((w) => en(w, w)),
    ...Object.keys(LETTER_NAMES_VI)
      .filter((l) => l !== 'Đ')
      .map((l) => en(`letter-${l.toLowerCase()}`, l)),
  ].filter((c, i, all) => all.findIndex((o) => o.id === c.id) === i);
}

import type { DisplaySlide } from '@shared/schemas/display';

/** Notices typed one per line → the list (blank lines dropped). */
export function parseMarquee(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Slides typed as blocks separated by a blank line: title, text lines, and a "/path" line for an image. */
export function parseSlides(text: string): DisplaySlide[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').map((l) => l.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0)
    .map((lines) => {
      const image = lines.find((l) => l.startsWith('/')) ?? '';
      const words = lines.filter((l) => l !== image);
      return { title: words[0] ?? '', body: words.slice(1).join('\n'), imageUrl: image };
    });
}

/** The slides back as the text the admin edits. */
export function formatSlides(slides: DisplaySlide[]): string {
  return slides.map((s) => [s.title, s.body, s.imageUrl].filter(Boolean).join('\n')).join('\n\n');
}

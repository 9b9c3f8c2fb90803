import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { buildAnnouncement } from '@shared/announcement';
import { AnnouncementPreviewQuerySchema, AnnouncementSchema, VoiceClipParamsSchema } from '@shared/schemas/display';
import { fail } from '../../errors';
import { ERROR_RESPONSES } from '../schemas';

/** Audio types an office may drop into the voice folder, in the order they are looked for. */
const CLIP_TYPES = [
  ['ogg', 'audio/ogg'],
  ['opus', 'audio/ogg'],
  ['mp3', 'audio/mpeg'],
  ['wav', 'audio/wav'],
] as const;

async function firstFile(candidates: { file: string; type: string }[]): Promise<{ bytes: Buffer; type: string } | null> {
  for (const c of candidates) {
    try {
      return { bytes: await readFile(c.file), type: c.type };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return null;
}

/**
 * Spoken calls: the admin's preview of a wording (the same shared function the displays use) and the voice clips.
 * A clip recorded by the office in `<data folder>/voice/<id>.ogg|opus|mp3|wav` (next to the database) replaces the
 * shipped espeak-ng clip `<static>/voice/<id>.ogg` without a rebuild.
 */
const announcements: FastifyPluginAsyncTypebox = async (app) => {
  const officeVoiceDir = join(dirname(app.config.dbFile), 'voice');
  const shippedVoiceDir = join(app.config.staticDir, 'voice');

  app.get(
    '/announcements/preview',
    {
      config: { allow: Allow.staff },
      schema: {
        tags: ['displays'],
        summary: 'The text and clip sequence of a call announcement (e.g. ?number=A1023&counter=3)',
        querystring: AnnouncementPreviewQuerySchema,
        response: { 200: AnnouncementSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const q = request.query;
      if (q.template !== undefined && !q.template.includes('{number}')) fail('VALIDATION_FAILED', { field: 'template', message: 'Câu đọc phải có {number} (số thứ tự).' });
      return buildAnnouncement(
        { number: q.number, counterNumber: q.counter, counterName: q.counterName },
        { template: q.template, numberReading: q.numberReading, zeroTens: q.zeroTens, english: q.english },
      );
    },
  );

  app.get(
    '/voice/:clip',
    {
      config: { allow: Allow.everyone },
      schema: {
        tags: ['displays'],
        summary: "One voice clip: the office's recording when present, else the shipped one",
        params: VoiceClipParamsSchema,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { clip } = request.params;
      const found = await firstFile([
        ...CLIP_TYPES.map(([ext, type]) => ({ file: join(officeVoiceDir, `${clip}.${ext}`), type })),
        { file: join(shippedVoiceDir, `${clip}.ogg`), type: 'audio/ogg' },
      ]);
      if (!found) fail('NOT_FOUND');
      return reply.type(found.type).header('cache-control', 'no-cache').send(found.bytes);
    },
  );
};
export default announcements;

import { Type, type Static } from '@sinclair/typebox';
import { DEFAULT_ANNOUNCEMENT_TEMPLATE } from '../announcement';
import { IdSchema, InstantSchema, StringEnum } from './common';

/** What a wall display shows: the whole hall, only some counters/services (an area or floor), or one counter. */
export const DisplayLayout = { MAIN: 'main', AREA: 'area', COUNTER: 'counter' } as const;
/** One display layout. */
export type DisplayLayout = (typeof DisplayLayout)[keyof typeof DisplayLayout];

/** An idle slide: a title and text, optionally an image at a same-origin path (e.g. "/api/office/logo"). */
export const DisplaySlideSchema = Type.Object(
  {
    title: Type.String({ maxLength: 120 }),
    body: Type.String({ maxLength: 400 }),
    imageUrl: Type.String({ maxLength: 300, pattern: '^(/[A-Za-z0-9._~/?=&%-]*)?$' }),
  },
  { additionalProperties: false },
);
/** One idle slide. */
export type DisplaySlide = Static<typeof DisplaySlideSchema>;

/** `POST/PUT /api/admin/displays` body: everything an admin sets for one wall display. */
export const DisplayInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    layout: StringEnum(Object.values(DisplayLayout)),
    /** Counters shown (area: these only; counter layout: the first); empty = all. */
    counterIds: Type.Array(IdSchema, { maxItems: 100, uniqueItems: true }),
    /** Services shown (area layout); empty = all. */
    serviceIds: Type.Array(IdSchema, { maxItems: 100, uniqueItems: true }),
    voice: Type.Boolean(),
    /** Each call is spoken this many times (a recall once more). */
    announceTimes: Type.Integer({ minimum: 1, maximum: 3 }),
    /** 0–100 %. */
    volume: Type.Integer({ minimum: 0, maximum: 100 }),
    /** English sentence after the Vietnamese one. */
    english: Type.Boolean(),
    /** Wording with {number}, {counter} and optionally {counterName}. */
    template: Type.String({ minLength: 1, maxLength: 200 }),
    numberReading: StringEnum(['words', 'digits'] as const),
    zeroTens: StringEnum(['linh', 'le'] as const),
    /** Notices scrolling along the bottom edge. */
    marquee: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 10 }),
    /** Shown in turn when nobody has been called for `idleAfterMinutes`. */
    slides: Type.Array(DisplaySlideSchema, { maxItems: 10 }),
    slideSeconds: Type.Integer({ minimum: 5, maximum: 120 }),
    idleAfterMinutes: Type.Integer({ minimum: 1, maximum: 120 }),
  },
  { additionalProperties: false },
);
/** What an admin sets for one display. */
export type DisplayInput = Static<typeof DisplayInputSchema>;

/** A display's configuration as stored; the TV opens `/display/?id=<id>`. */
export const DisplayConfigSchema = Type.Composite([Type.Object({ id: IdSchema, updatedAt: InstantSchema }), DisplayInputSchema]);
/** A display's configuration. */
export type DisplayConfig = Static<typeof DisplayConfigSchema>;

/** Settings of a display opened without an id (or before its configuration loads): the whole hall, voice on. */
export const DEFAULT_DISPLAY: DisplayInput = {
  name: 'Màn hình sảnh chính',
  layout: 'main',
  counterIds: [],
  serviceIds: [],
  voice: true,
  announceTimes: 2,
  volume: 80,
  english: false,
  template: DEFAULT_ANNOUNCEMENT_TEMPLATE,
  numberReading: 'words',
  zeroTens: 'linh',
  marquee: [],
  slides: [],
  slideSeconds: 10,
  idleAfterMinutes: 10,
};

/** `GET /api/announcements/preview` query. */
export const AnnouncementPreviewQuerySchema = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 12, pattern: '^[A-Za-zĐđ]{0,3}[0-9]{1,9}$' }),
    counter: Type.Integer({ minimum: 1, maximum: 999 }),
    counterName: Type.Optional(Type.String({ maxLength: 120 })),
    template: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    numberReading: Type.Optional(StringEnum(['words', 'digits'] as const)),
    zeroTens: Type.Optional(StringEnum(['linh', 'le'] as const)),
    english: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
/** The admin's announcement preview request. */
export type AnnouncementPreviewQuery = Static<typeof AnnouncementPreviewQuerySchema>;

/** The spoken text and the clip ids played back to back. */
export const AnnouncementSchema = Type.Object({ text: Type.String(), clips: Type.Array(Type.String()) });

/** `GET /api/voice/{clip}` parameter: a clip id of the voice set. */
export const VoiceClipParamsSchema = Type.Object({ clip: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }) }, { additionalProperties: false });

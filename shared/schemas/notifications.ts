import { Type, type Static } from '@sinclair/typebox';
import { VN_MOBILE_PATTERN } from '../phone-number';
import { Nullable, StringEnum } from './common';

/** Where a message goes out: an SMS provider or Zalo ZNS, both HTTP APIs. */
export const CHANNELS = ['sms', 'zns'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Messages to citizens. */
export const MESSAGE_KINDS = ['bookingConfirmed', 'reminder', 'peopleAhead', 'called', 'resultReady'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * A gateway as an HTTPS request template: the body is JSON text with placeholders `{{phone}}`, `{{text}}`,
 * `{{messageId}}` (stable per message: give it to the provider as its request id, so a retried request is not sent
 * twice) and `{{kind}}`; headers one `Name: value` per line (placeholders allowed there too).
 */
export const GatewaySchema = Type.Object(
  {
    enabled: Type.Boolean(),
    url: Type.String({ maxLength: 500, pattern: '^(https?://.+)?$' }),
    headers: Type.String({ maxLength: 2000 }),
    body: Type.String({ maxLength: 4000 }),
  },
  { additionalProperties: false },
);
export type Gateway = Static<typeof GatewaySchema>;

const TemplateText = Type.String({ minLength: 1, maxLength: 500 });

/** The office's notification settings (`GET/PUT /api/admin/notifications`). */
export const NotificationSettingsSchema = Type.Object(
  {
    sms: GatewaySchema,
    zns: GatewaySchema,
    /** SMS text without diacritics (cheaper, fits every phone); ZNS always keeps them. */
    smsNoDiacritics: Type.Boolean(),
    /** "Còn N người nữa": sent once per ticket when N people are ahead. */
    peopleAhead: Type.Integer({ minimum: 1, maximum: 20 }),
    /** Texts with `{number}`, `{counter}`, `{n}`, `{code}`, `{service}`, `{office}`, `{date}`, `{time}`. */
    templates: Type.Object(
      { bookingConfirmed: TemplateText, reminder: TemplateText, peopleAhead: TemplateText, called: TemplateText, resultReady: TemplateText },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type NotificationSettings = Static<typeof NotificationSettingsSchema>;

/** `POST /api/admin/notifications/test` body: one sample message to a phone through one channel. */
export const TestSendBodySchema = Type.Object(
  { channel: StringEnum(CHANNELS), phone: Type.String({ minLength: 8, maxLength: 15, pattern: '^\\+?[0-9]+$' }), kind: StringEnum(MESSAGE_KINDS) },
  { additionalProperties: false },
);

/** What a gateway answered: its status and the start of its body, shown to the admin. */
export const GatewayAnswerSchema = Type.Object({ ok: Type.Boolean(), code: Nullable(Type.Integer()), body: Type.String(), error: Nullable(Type.String()), text: Type.String() });
export type GatewayAnswer = Static<typeof GatewayAnswerSchema>;

/**
 * `PUT /api/track/:trackingId/phone` (the phone's tracking page, the kiosk's ticket screen): the citizen asks for
 * messages about their ticket at a Vietnamese mobile number (consent by this request).
 */
export const TicketPhoneBodySchema = Type.Object(
  { phone: Type.String({ maxLength: 15, pattern: VN_MOBILE_PATTERN }), consent: Type.Literal(true) },
  { additionalProperties: false },
);

/** A message log row (admin: failures are visible). */
export const NotificationLogSchema = Type.Object({
  id: Type.Integer(),
  channel: StringEnum(CHANNELS),
  kind: StringEnum(MESSAGE_KINDS),
  phone: Type.String({ description: 'Masked: the last 3 digits' }),
  status: StringEnum(['sent', 'failed'] as const),
  code: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  at: Type.String(),
});
export type NotificationLog = Static<typeof NotificationLogSchema>;

/** A new office's settings: gateways off, Vietnamese texts. */
export const DEFAULT_NOTIFICATIONS: NotificationSettings = {
  sms: { enabled: false, url: '', headers: 'Content-Type: application/json', body: '{"to": "{{phone}}", "message": "{{text}}", "requestId": "{{messageId}}"}' },
  zns: { enabled: false, url: '', headers: 'Content-Type: application/json\naccess_token: ', body: '{"phone": "{{phone}}", "template_id": "", "template_data": {"text": "{{text}}"}, "tracking_id": "{{messageId}}"}' },
  smsNoDiacritics: true,
  peopleAhead: 3,
  templates: {
    bookingConfirmed: '{office}: Đã đặt lịch {service} lúc {time} ngày {date}. Mã lịch hẹn {code}.',
    reminder: '{office}: Nhắc lịch hẹn {service} lúc {time} ngày mai {date}. Mã lịch hẹn {code}.',
    peopleAhead: 'Còn {n} người nữa đến lượt quý khách (số {number}). Xin mời quý khách chuẩn bị.',
    called: 'Mời quý khách số {number} đến quầy {counter}.',
    resultReady: '{office}: Hồ sơ {code} đã có kết quả. Mời quý khách đến nhận.',
  },
};

import type { Channel, GatewayAnswer, MessageKind, NotificationLog, NotificationSettings } from '@shared/schemas/notifications';
import { request } from '@ui/api';

/** The admin's calls for messages to citizens (SMS, Zalo ZNS). */
export const notificationsApi = {
  get: () => request<NotificationSettings>('GET', '/api/admin/notifications'),
  save: (body: NotificationSettings) => request<NotificationSettings>('PUT', '/api/admin/notifications', body),
  test: (channel: Channel, phone: string, kind: MessageKind) => request<GatewayAnswer>('POST', '/api/admin/notifications/test', { channel, phone, kind }),
  log: () => request<NotificationLog[]>('GET', '/api/admin/notifications/log'),
};

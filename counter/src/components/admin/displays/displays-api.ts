import type { DisplayConfig, DisplayInput } from '@shared/schemas/display';
import { request } from '@ui/api';

/** The spoken text and clip ids of a call (GET /api/announcements/preview). */
export interface AnnouncementPreview {
  text: string;
  clips: string[];
}

/** The admin's calls for wall display configurations and the announcement preview. */
export const displaysApi = {
  list: () => request<DisplayConfig[]>('GET', '/api/admin/displays'),
  save: (id: number | null, body: DisplayInput) =>
    id === null ? request<DisplayConfig>('POST', '/api/admin/displays', body) : request<DisplayConfig>('PUT', `/api/admin/displays/${id}`, body),
  remove: (id: number) => request<null>('DELETE', `/api/admin/displays/${id}`),
  preview: (number: string, counter: number, cfg: Pick<DisplayInput, 'template' | 'numberReading' | 'zeroTens' | 'english'>) => {
    const q = new URLSearchParams({ number, counter: String(counter), template: cfg.template, numberReading: cfg.numberReading, zeroTens: cfg.zeroTens, english: String(cfg.english) });
    return request<AnnouncementPreview>('GET', `/api/announcements/preview?${q.toString()}`);
  },
};

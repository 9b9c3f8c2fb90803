import type { ProvinceLink, ProvinceLinkInput } from '@shared/schemas/province';
import { request } from '@ui/api';

/** The admin's calls for the link to the province hub. */
export const provinceLinkApi = {
  get: () => request<ProvinceLink>('GET', '/api/admin/province'),
  connect: (body: ProvinceLinkInput) => request<ProvinceLink>('PUT', '/api/admin/province', body),
  disconnect: () => request<null>('DELETE', '/api/admin/province'),
};

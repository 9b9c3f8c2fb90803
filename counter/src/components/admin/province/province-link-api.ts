import type { ProvinceLink, ProvinceLinkInput } from '@shared/schemas/province';
import type { CatalogUpdateStatus } from '@shared/schemas/province-catalog';
import { request } from '@ui/api';

/** The admin's calls for the link to the province hub. */
export const provinceLinkApi = {
  get: () => request<ProvinceLink>('GET', '/api/admin/province'),
  connect: (body: ProvinceLinkInput) => request<ProvinceLink>('PUT', '/api/admin/province', body),
  disconnect: () => request<null>('DELETE', '/api/admin/province'),
  catalog: () => request<CatalogUpdateStatus>('GET', '/api/admin/province/catalog'),
  checkCatalog: () => request<CatalogUpdateStatus>('POST', '/api/admin/province/catalog/check'),
  applyCatalog: (version: number) => request<CatalogUpdateStatus>('POST', '/api/admin/province/catalog/apply', { version }),
  unscheduleCatalog: (version: number) => request<CatalogUpdateStatus>('POST', '/api/admin/province/catalog/unschedule', { version }),
};

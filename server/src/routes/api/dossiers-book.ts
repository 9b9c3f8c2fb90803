import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { DOSSIER_FORMS } from '@shared/dossier-forms';
import { formatDateTime } from '@shared/office-time';
import { DossierQuerySchema, type DossierSummary } from '@shared/schemas/dossier';
import { contentDisposition, renderExport, table } from '../../services/reports-export';
import { actorOf } from '../../plugins/auth';
import { ERROR_RESPONSES } from '../schemas';

const DELIVERY = { counter: 'Tại Bộ phận Một cửa', post: 'Qua dịch vụ bưu chính', online: 'Trực tuyến' } as const;

/** The tracking book (Sổ theo dõi hồ sơ, Mẫu 06) as an XLSX download with the form's columns. */
const dossiersBook: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/dossiers/book.xlsx',
    {
      config: { allow: Allow.staff },
      schema: { tags: ['dossiers'], summary: 'The tracking book (Mẫu 06) as XLSX, same filters as GET /dossiers', querystring: DossierQuerySchema, response: { 200: Type.Unknown({ description: 'XLSX file' }), ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      const rows = app.hub.dossiers.list(request.query, actorOf(request), 'export');
      const tz = app.hub.repos.settings.office().timezone;
      const at = (iso: string | null) => (iso === null ? '' : formatDateTime(new Date(iso), tz));
      const office = app.hub.repos.settings.office();
      const period = `Từ ngày ${request.query.from ?? '…'} đến ngày ${request.query.to ?? '…'}`;
      const file = await renderExport(
        {
          title: DOSSIER_FORMS['06'].title,
          subtitle: [office.name, period, DOSSIER_FORMS['06'].legalBasis],
          tables: [
            table<DossierSummary & { n: number }>({
              sheet: 'Sổ theo dõi',
              rows: rows.map((r, i) => ({ ...r, n: i + 1 })),
              columns: [
                { header: 'STT', value: (r) => r.n, width: 6 },
                { header: 'Mã hồ sơ', value: (r) => r.code, width: 26 },
                { header: 'Tên TTHC', value: (r) => r.procedureName, width: 40 },
                { header: 'Tên tổ chức, cá nhân', value: (r) => r.applicantName, width: 26 },
                { header: 'Địa chỉ, số điện thoại', value: (r) => [r.applicantAddress, r.applicantPhone].filter(Boolean).join(' – '), width: 32 },
                { header: 'Cơ quan chủ trì giải quyết', value: (r) => r.agency, width: 26 },
                { header: 'Nhận hồ sơ', value: (r) => at(r.receivedAt), width: 17 },
                { header: 'Hẹn trả kết quả', value: (r) => at(r.dueAt), width: 17 },
                { header: 'Trả kết quả', value: (r) => at(r.returnedAt), width: 17 },
                { header: 'Phương thức nhận kết quả', value: (r) => DELIVERY[r.delivery], width: 22 },
                { header: 'Ký nhận', value: () => '', width: 12 },
              ],
            }),
          ],
        },
        'xlsx',
        'so-theo-doi-ho-so',
      );
      return reply.header('content-type', file.contentType).header('content-disposition', contentDisposition('Sổ theo dõi hồ sơ.xlsx')).header('cache-control', 'no-store').send(file.body);
    },
  );
};
export default dossiersBook;

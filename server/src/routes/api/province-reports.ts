import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Allow } from '@shared/access';
import { IdParamsSchema } from '@shared/schemas/common';
import { ProvinceOfficeDayQuerySchema, ProvinceOfficeDaySchema } from '@shared/schemas/province-office-day';
import { ProvinceDossierReportSchema, ProvincePeriodQuerySchema, ProvinceQueueReportSchema, ProvinceSatisfactionReportSchema } from '@shared/schemas/province-reports';
import { provinceDossierDocument, provinceQueueDocument, provinceSatisfactionDocument } from '../../services/province-report-documents';
import { renderExport } from '../../services/reports-export';
import { ERROR_RESPONSES } from '../schemas';
import { sendFile } from './reports';

const DESCRIPTION =
  'Business days from…to inclusive (at most 366 days), compared with the previous period of the same length (`previous`). ' +
  'With `format=xlsx|csv` the same figures come as a download (Vietnamese headers).';

/** The province's reports across its offices and one office's day (HUB_ROLE=province), for its supervisors and admins. */
const provinceReportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const schema = (summary: string, report: typeof ProvinceQueueReportSchema | typeof ProvinceDossierReportSchema | typeof ProvinceSatisfactionReportSchema) => ({
    tags: ['province'],
    summary,
    description: DESCRIPTION,
    querystring: ProvincePeriodQuerySchema,
    response: { 200: report, ...ERROR_RESPONSES },
  });
  const config = { allow: Allow.supervisor };

  app.get('/province/reports/queue', { config, schema: schema('Queue figures per office and per field over a period, with the previous period', ProvinceQueueReportSchema) }, async (request, reply) => {
    const { from, to, format } = request.query;
    const report = app.hub.province.queueReport(from, to);
    if (!format) return report;
    const { doc, name } = provinceQueueDocument(report);
    return sendFile(reply, await renderExport(doc, format, name));
  });
  app.get(
    '/province/reports/dossiers',
    { config, schema: schema('Dossiers (Biểu II.06a) per office and per field over a period, on-time rate, with the previous period', ProvinceDossierReportSchema) },
    async (request, reply) => {
      const { from, to, format } = request.query;
      const report = app.hub.province.dossierReport(from, to);
      if (!format) return report;
      const { doc, name } = provinceDossierDocument(report);
      return sendFile(reply, await renderExport(doc, format, name));
    },
  );
  app.get(
    '/province/reports/satisfaction',
    { config, schema: schema('Citizen satisfaction per office over a period (count and % per level), with the previous period', ProvinceSatisfactionReportSchema) },
    async (request, reply) => {
      const { from, to, format } = request.query;
      const report = app.hub.province.satisfactionReport(from, to);
      if (!format) return report;
      const { doc, name } = provinceSatisfactionDocument(report);
      return sendFile(reply, await renderExport(doc, format, name));
    },
  );
  app.get(
    '/province/offices/:id/day',
    {
      config,
      schema: {
        tags: ['province'],
        summary: 'One office\'s day: its live state and the facts it sent of that business day (per service, counter, staff member, field; ratings)',
        description: 'The day defaults to today (the province hub\'s time zone). `received` is false when no facts of that day arrived.',
        params: IdParamsSchema,
        querystring: ProvinceOfficeDayQuerySchema,
        response: { 200: ProvinceOfficeDaySchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => app.hub.province.officeDay(request.params.id, request.query.day),
  );
};
export default provinceReportRoutes;

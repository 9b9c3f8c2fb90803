import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Allow } from '@shared/access';
import { DossierReportSchema, QueueReportQuerySchema, QueueReportSchema, ReportRangeQuerySchema, SatisfactionReportSchema } from '@shared/schemas/report';
import { AppointmentReportSchema } from '@shared/schemas/appointment';
import { appointmentDocument, appointmentFileName } from '../../services/reports-appointments';
import { queueReportDocument, queueReportFileName } from '../../services/reports-documents';
import { contentDisposition, renderExport, type ExportFile } from '../../services/reports-export';
import { dossierDocument, dossierFileName } from '../../services/reports-dossiers';
import { satisfactionDocument, satisfactionFileName } from '../../services/reports-satisfaction';
import { ERROR_RESPONSES } from '../schemas';

/** Sends a rendered report file as a download. */
export function sendFile(reply: FastifyReply, file: ExportFile): FastifyReply {
  return reply
    .type(file.contentType)
    .header('content-disposition', contentDisposition(file.filename))
    .header('cache-control', 'no-store')
    .send(file.body);
}

const FILE_NOTE = ' With `format=xlsx|csv` the same figures come as a download (Vietnamese headers).';

const reports: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/reports/queue',
    {
      config: { allow: Allow.supervisor, scope: 'reports:read' },
      schema: {
        tags: ['reports'],
        summary: 'Queue statistics of a period by service, counter, staff, day, hour or month, with the previous period',
        description: `Business days from…to inclusive (office time zone), at most 366 days.${FILE_NOTE}`,
        querystring: QueueReportQuerySchema,
        response: { 200: QueueReportSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { from, to, groupBy, format } = request.query;
      const report = app.hub.reports.queueReport(from, to, groupBy);
      if (!format) return report;
      const doc = queueReportDocument(report);
      return sendFile(reply, await renderExport(doc, format, queueReportFileName(report)));
    },
  );
  app.get(
    '/reports/dossiers',
    {
      config: { allow: Allow.supervisor, scope: 'reports:read' },
      schema: {
        tags: ['reports'],
        summary: 'Dossiers of a period per field (Biểu II.06a) and per procedure: received, resolved, in progress, refused',
        description: `Resolved = result ready in the period, early/on time/late by local day against the due date (a rescheduled dossier against the date it missed); in progress at the end of the period, overdue when due before it.${FILE_NOTE}`,
        querystring: ReportRangeQuerySchema,
        response: { 200: DossierReportSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { from, to, format } = request.query;
      const report = app.hub.reports.dossierReport(from, to);
      if (!format) return report;
      return sendFile(reply, await renderExport(dossierDocument(report), format, dossierFileName(report)));
    },
  );
  app.get(
    '/reports/satisfaction',
    {
      config: { allow: Allow.supervisor, scope: 'reports:read' },
      schema: {
        tags: ['reports'],
        summary: 'Citizen satisfaction of a period: per unit, per receiving officer and per service, count and % of each level',
        description: `Ratings counted in the business day of the visit rated.${FILE_NOTE}`,
        querystring: ReportRangeQuerySchema,
        response: { 200: SatisfactionReportSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { from, to, format } = request.query;
      const report = app.hub.reports.satisfactionReport(from, to);
      if (!format) return report;
      return sendFile(reply, await renderExport(satisfactionDocument(report), format, satisfactionFileName(report)));
    },
  );
  app.get(
    '/reports/appointments',
    {
      config: { allow: Allow.supervisor },
      schema: {
        tags: ['reports'],
        summary: 'Online appointments of a period per service: booked, checked in (late), missed, cancelled; waits of holders vs walk-ins',
        description: `Bookings by the day of their slot; waits over the tickets called in the period (holders: a booking checked in on time).${FILE_NOTE}`,
        querystring: ReportRangeQuerySchema,
        response: { 200: AppointmentReportSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { from, to, format } = request.query;
      const report = app.hub.appointmentReport.appointmentReport(from, to);
      if (!format) return report;
      return sendFile(reply, await renderExport(appointmentDocument(report), format, appointmentFileName(report)));
    },
  );
};
export default reports;

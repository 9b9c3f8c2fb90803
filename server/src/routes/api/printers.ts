import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { IdParamsSchema } from '@shared/schemas/common';
import {
  KioskPrinterSchema,
  PaperWidthSchema,
  PrinterInputSchema,
  PrinterSchema,
  PrintJobSchema,
  PrintSettingsSchema,
  ReprintBodySchema,
  TicketLayoutSchema,
} from '@shared/schemas/printer';
import { actorOf } from '../../plugins/auth';
import { renderTicketPng } from '../../printing/ticket-renderer';
import { ERROR_RESPONSES, NoContentSchema } from '../schemas';

const tags = ['printing'];
const admin = { allow: Allow.admin };

/** Ticket printers, their live status, test print, reprint, and the ticket layout. */
const printers: FastifyPluginAsyncTypebox = async (app) => {
  const service = app.printing;

  app.get(
    '/printers/mine',
    { config: { allow: Allow.kiosk }, schema: { tags, summary: "The asking kiosk's printer status (its own, else the default), or none", response: { 200: KioskPrinterSchema, ...ERROR_RESPONSES } } },
    async (request) => ({ printer: service.kioskPrinter(request.principal.device?.id ?? null) }),
  );
  app.post(
    '/tickets/:id/reprint',
    {
      config: { allow: Allow.staff },
      schema: { tags, summary: "Print a ticket of today again (its kiosk's printer unless one is given)", params: IdParamsSchema, body: ReprintBodySchema, response: { 202: PrintJobSchema, ...ERROR_RESPONSES } },
    },
    async (request, reply) => reply.code(202).send(service.reprint(request.params.id, request.body.printerId, actorOf(request))),
  );

  app.get(
    '/admin/printers',
    { config: admin, schema: { tags, summary: 'Printers with their live status', response: { 200: Type.Array(PrinterSchema), ...ERROR_RESPONSES } } },
    async () => service.list(),
  );
  app.post(
    '/admin/printers',
    { config: admin, schema: { tags, summary: 'Add the printer of a paired kiosk', body: PrinterInputSchema, response: { 201: PrinterSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => reply.code(201).send(service.create(request.body, actorOf(request))),
  );
  app.put(
    '/admin/printers/:id',
    { config: admin, schema: { tags, summary: 'Change a printer', params: IdParamsSchema, body: PrinterInputSchema, response: { 200: PrinterSchema, ...ERROR_RESPONSES } } },
    async (request) => service.update(request.params.id, request.body, actorOf(request)),
  );
  app.delete(
    '/admin/printers/:id',
    { config: admin, schema: { tags, summary: 'Remove a kiosk printer (its pending jobs are dropped)', params: IdParamsSchema, response: { 204: NoContentSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => {
      service.remove(request.params.id, actorOf(request));
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/admin/printers/:id/test',
    { config: admin, schema: { tags, summary: 'Queue a test page on a printer', params: IdParamsSchema, response: { 202: PrintJobSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => reply.code(202).send(service.testPrint(request.params.id, actorOf(request))),
  );
  app.get(
    '/admin/print-jobs',
    { config: admin, schema: { tags, summary: 'The latest 50 print jobs', response: { 200: Type.Array(PrintJobSchema), ...ERROR_RESPONSES } } },
    async () => service.recentJobs(),
  );
  app.get(
    '/admin/ticket-layout',
    { config: admin, schema: { tags, summary: 'Ticket layout: header, footer, hidden items', response: { 200: TicketLayoutSchema, ...ERROR_RESPONSES } } },
    async () => service.layout(),
  );
  app.put(
    '/admin/ticket-layout',
    { config: admin, schema: { tags, summary: 'Change the ticket layout', body: TicketLayoutSchema, response: { 200: TicketLayoutSchema, ...ERROR_RESPONSES } } },
    async (request) => service.saveLayout(request.body, actorOf(request)),
  );
  app.get(
    '/admin/ticket-layout/preview',
    {
      config: admin,
      schema: {
        tags,
        summary: 'PNG of a sample ticket with the saved layout, exactly as a printer receives it',
        // `v`: a cache-busting counter the admin screen bumps after saving the layout.
        querystring: Type.Object({ paperWidth: Type.Optional(PaperWidthSchema), v: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false }),
        produces: ['image/png'],
      },
    },
    async (request, reply) => {
      const r = await renderTicketPng(service.samplePrint(), { paperWidth: request.query.paperWidth ?? 80, layout: service.layout(), logo: service.logo() });
      return reply.type('image/png').header('cache-control', 'no-store').send(r.png);
    },
  );
  app.get(
    '/admin/print-settings',
    { config: admin, schema: { tags, summary: 'Printing settings: minutes after which an unprinted ticket is dropped', response: { 200: PrintSettingsSchema, ...ERROR_RESPONSES } } },
    async () => service.settings(),
  );
  app.put(
    '/admin/print-settings',
    { config: admin, schema: { tags, summary: 'Change the printing settings', body: PrintSettingsSchema, response: { 200: PrintSettingsSchema, ...ERROR_RESPONSES } } },
    async (request) => service.saveSettings(request.body, actorOf(request)),
  );
};
export default printers;

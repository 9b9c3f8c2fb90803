import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { IdParamsSchema } from '@shared/schemas/common';
import {
  DossierAction,
  DossierActionBodySchema,
  DossierLookupQuerySchema,
  DossierLookupSchema,
  DossierQuerySchema,
  DossierSchema,
  DossierSummarySchema,
  DossierTypedCodeParamsSchema,
  DueDateBodySchema,
  DueDateReplySchema,
  DueSoonQuerySchema,
  IntakeBodySchema,
  RescheduleBodySchema,
} from '@shared/schemas/dossier';
import { actorOf, readerOf } from '../../plugins/auth';
import { ERROR_RESPONSES } from '../schemas';

const SUMMARIES: Record<DossierAction, string> = {
  transfer: 'Hand the dossier to the deciding agency (body.agency names it)',
  process: 'The agency is processing the dossier',
  'request-supplement': 'Ask for more documents (once per dossier, Nghị định 118/2025 Điều 11; Mẫu 02); pauses the clock',
  resume: 'The supplement arrived: the clock runs again (or starts, for an intake supplement)',
  ready: 'The result is ready at the return desk',
  return: 'The result was handed to the citizen',
  refuse: 'Refuse the dossier with a reason (Mẫu 03)',
  withdraw: 'The citizen withdrew the dossier',
};

/** One-stop dossiers: intake, appointment dates, status commands, the tracking book, and the public status lookup. */
const dossiers: FastifyPluginAsyncTypebox = async (app) => {
  const staff = { allow: Allow.staff };
  /** Staff, and machines holding `dossiers:read` (their reads go to the access log under the key). */
  const staffOrKey = { allow: Allow.staff, scope: 'dossiers:read' as const };
  const tags = ['dossiers'];
  const List = Type.Array(DossierSummarySchema);
  app.post(
    '/dossiers/due-date',
    {
      config: { allow: Allow.everyone, rateLimit: { max: 600, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Appointment date of a procedure for a receipt time (working days, holidays, 15:00 cut-off)', body: DueDateBodySchema, response: { 200: DueDateReplySchema, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const due = app.hub.dossiers.dueFor(request.body.procedureId, Date.parse(request.body.receivedAt));
      return { dueAt: due === null ? null : new Date(due).toISOString() };
    },
  );
  app.post(
    '/dossiers',
    { config: staff, schema: { tags, summary: 'Intake at the counter: accept (Mẫu 01), ask for more documents (Mẫu 02) or refuse (Mẫu 03)', body: IntakeBodySchema, response: { 201: DossierSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => reply.code(201).send(app.hub.dossiers.intake(request.body, actorOf(request))),
  );
  app.get(
    '/dossiers',
    { config: staffOrKey, schema: { tags, summary: 'The tracking book (Mẫu 06): dossiers received in a period, filtered', querystring: DossierQuerySchema, response: { 200: List, ...ERROR_RESPONSES } } },
    async (request) => app.hub.dossiers.list(request.query, readerOf(request)),
  );
  app.get(
    '/dossiers/overdue',
    { config: staff, schema: { tags, summary: 'Open dossiers past their appointment date', response: { 200: List, ...ERROR_RESPONSES } } },
    async (request) => app.hub.dossiers.overdue(actorOf(request)),
  );
  app.get(
    '/dossiers/due-soon',
    { config: staff, schema: { tags, summary: 'Open dossiers due within the next working hours', querystring: DueSoonQuerySchema, response: { 200: List, ...ERROR_RESPONSES } } },
    async (request) => app.hub.dossiers.dueSoon(request.query.hours, actorOf(request)),
  );
  app.get(
    '/dossiers/by-code/:code',
    { config: staffOrKey, schema: { tags, summary: 'Find a dossier by its code (return desk, QR on the receipt)', params: DossierTypedCodeParamsSchema, response: { 200: DossierSchema, ...ERROR_RESPONSES } } },
    async (request) => app.hub.dossiers.byCode(request.params.code, readerOf(request)),
  );
  app.get(
    '/dossiers/lookup/:code',
    {
      config: { allow: Allow.everyone, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Public status of a dossier (code + check code or phone\'s last 4 digits; 10 failures per address per 15 min): status and dates, the name masked',
        params: DossierTypedCodeParamsSchema,
        querystring: DossierLookupQuerySchema,
        response: { 200: DossierLookupSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => app.hub.dossiers.lookup(request.params.code, request.query.check, request.principal.ip),
  );
  app.get(
    '/dossiers/:id',
    { config: staffOrKey, schema: { tags, summary: 'A dossier with its documents and log', params: IdParamsSchema, response: { 200: DossierSchema, ...ERROR_RESPONSES } } },
    async (request) => app.hub.dossiers.get(request.params.id, readerOf(request)),
  );
  for (const action of Object.values(DossierAction)) {
    app.post(
      `/dossiers/:id/${action}`,
      { config: staff, schema: { tags, summary: SUMMARIES[action], params: IdParamsSchema, body: DossierActionBodySchema, response: { 200: DossierSchema, ...ERROR_RESPONSES } } },
      async (request) => app.hub.dossiers.act(request.params.id, action, request.body, actorOf(request)),
    );
  }
  app.post(
    '/dossiers/:id/reschedule',
    { config: staff, schema: { tags, summary: 'Late: apologise and set a new appointment date (Mẫu 04)', params: IdParamsSchema, body: RescheduleBodySchema, response: { 200: DossierSchema, ...ERROR_RESPONSES } } },
    async (request) => app.hub.dossiers.reschedule(request.params.id, request.body, actorOf(request)),
  );
};
export default dossiers;

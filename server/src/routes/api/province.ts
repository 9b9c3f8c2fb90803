import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Allow } from '@shared/access';
import { IdParamsSchema } from '@shared/schemas/common';
import {
  EnrollBodySchema,
  EnrolledSchema,
  HeartbeatBodySchema,
  ProvinceOfficeCreatedSchema,
  ProvinceOfficeCreateSchema,
  ProvinceOfficeSchema,
  SyncBodySchema,
  SyncReplySchema,
} from '@shared/schemas/province';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../plugins/auth';
import type { ProvinceOfficeRow } from '../../repositories/province-repository';
import { ERROR_RESPONSES, NoContentSchema } from '../schemas';

/** The header an enrolled office's machine requests carry its credential in. */
export const OFFICE_CREDENTIAL_HEADER = 'x-motcua-office';

/** The largest batch of records an office may send at once. */
export const SYNC_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * The province hub's routes (HUB_ROLE=province): its staff manage and watch the offices; the offices' hubs enrol,
 * send heartbeats and records. Machine routes are open to the network but answer only to an enrolled office's
 * credential (sent in `x-motcua-office`), and enrolment is rate limited per address.
 */
const province: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['province'];
  // The credential is checked when the request head arrives, before any body is read (an unknown caller's body is
  // never parsed); the handler takes the office found then.
  const offices = new WeakMap<FastifyRequest, ProvinceOfficeRow>();
  const enrolledOnly = async (request: FastifyRequest) => {
    const header = request.headers[OFFICE_CREDENTIAL_HEADER];
    offices.set(request, app.hub.province.authenticate(typeof header === 'string' ? header : undefined));
  };
  const officeOf = (request: FastifyRequest) => offices.get(request) ?? app.hub.province.authenticate(undefined);

  app.get(
    '/province/offices',
    { config: { allow: Allow.supervisor }, schema: { tags, summary: 'Every office of the province with its live figures (online: a heartbeat within 2 minutes)', response: { 200: Type.Array(ProvinceOfficeSchema), ...ERROR_RESPONSES } } },
    async () => app.hub.province.offices(),
  );
  app.post(
    '/province/offices',
    {
      config: { allow: Allow.admin },
      schema: { tags, summary: 'Add an office; its enrolment token is shown once', body: ProvinceOfficeCreateSchema, response: { 201: ProvinceOfficeCreatedSchema, ...ERROR_RESPONSES } },
    },
    async (request, reply) => reply.code(201).send(app.hub.province.addOffice(request.body, actorOf(request))),
  );
  app.post(
    '/province/offices/:id/revoke',
    {
      config: { allow: Allow.admin },
      schema: { tags, summary: 'Revoke an office\'s credential at once; a new enrolment token is returned', params: IdParamsSchema, response: { 200: ProvinceOfficeCreatedSchema, ...ERROR_RESPONSES } },
    },
    async (request) => app.hub.province.revokeOffice(request.params.id, actorOf(request)),
  );
  app.post(
    '/province/enroll',
    {
      config: { allow: Allow.everyone, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: 'An office exchanges its enrolment token for its credential (the token is spent)', body: EnrollBodySchema, response: { 200: EnrolledSchema, ...ERROR_RESPONSES } },
    },
    async (request) => app.hub.province.enroll(request.body),
  );
  app.post(
    '/province/heartbeat',
    {
      config: { allow: Allow.everyone },
      onRequest: enrolledOnly,
      schema: { tags, summary: 'An enrolled office\'s heartbeat (every 30 s): its live figures', body: HeartbeatBodySchema, response: { 204: NoContentSchema, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      app.hub.province.heartbeat(officeOf(request), request.body);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/province/sync',
    {
      config: { allow: Allow.everyone },
      onRequest: enrolledOnly,
      // A large office's day (100 counters and staff, their ratings) passes 64 KB; a catch-up sends many days.
      bodyLimit: SYNC_BODY_LIMIT,
      schema: { tags, summary: 'An enrolled office\'s records, each stored once by its seq (a resend changes nothing)', body: SyncBodySchema, response: { 200: SyncReplySchema, ...ERROR_RESPONSES } },
    },
    async (request) => app.hub.province.sync(officeOf(request), request.body.records),
  );
};
export default province;

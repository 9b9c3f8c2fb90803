import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { IdParamsSchema } from '@shared/schemas/common';
import {
  ApplicantCorrectionSchema,
  DataAccessEntrySchema,
  DataAccessQuerySchema,
  DataSubjectExportSchema,
  DataSubjectParamsSchema,
  ErasureReplySchema,
  PrivacyNoticeSchema,
  PrivacySettingsSchema,
  RetentionRunSchema,
} from '@shared/schemas/privacy';
import { actorOf } from '../../plugins/auth';
import { ERROR_RESPONSES } from '../schemas';

/** Personal data (Luật 91/2025/QH15): the access log, retention, the privacy notice, citizens' requests. */
const privacy: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['personal data'];
  app.get(
    '/admin/data-access',
    {
      config: { allow: Allow.supervisor },
      schema: { tags, summary: 'Search the log of staff reads of dossiers\' personal fields, newest first', querystring: DataAccessQuerySchema, response: { 200: Type.Array(DataAccessEntrySchema), ...ERROR_RESPONSES } },
    },
    async (request) => app.hub.privacy.accessLog(request.query),
  );
  app.get(
    '/admin/privacy',
    { config: { allow: Allow.admin }, schema: { tags, summary: 'Retention periods per kind of record and the privacy notice', response: { 200: PrivacySettingsSchema, ...ERROR_RESPONSES } } },
    async () => app.hub.privacy.settings(),
  );
  app.put(
    '/admin/privacy',
    { config: { allow: Allow.admin }, schema: { tags, summary: 'Save the retention periods and the privacy notice (audited)', body: PrivacySettingsSchema, response: { 200: PrivacySettingsSchema, ...ERROR_RESPONSES } } },
    async (request) => app.hub.privacy.saveSettings(request.body, actorOf(request)),
  );
  app.post(
    '/admin/privacy/retention-run',
    { config: { allow: Allow.admin }, schema: { tags, summary: 'Run the nightly anonymisation now (audited)', response: { 200: RetentionRunSchema, ...ERROR_RESPONSES } } },
    async (request) => app.hub.privacy.runRetention(actorOf(request)),
  );
  app.get(
    '/privacy-notice',
    { config: { allow: Allow.everyone }, schema: { tags, summary: 'The privacy notice shown on the citizen screens (Vietnamese, English)', response: { 200: PrivacyNoticeSchema, ...ERROR_RESPONSES } } },
    async () => app.hub.privacy.notice(),
  );
  const supervisor = { allow: Allow.supervisor };
  app.get(
    '/admin/data-subjects/:idNumber',
    { config: supervisor, schema: { tags, summary: 'A citizen\'s request: everything the hub holds about one ID number (logged and audited)', params: DataSubjectParamsSchema, response: { 200: DataSubjectExportSchema, ...ERROR_RESPONSES } } },
    async (request) => app.hub.dataSubjects.exportData(request.params.idNumber, actorOf(request)),
  );
  app.put(
    '/admin/dossiers/:id/applicant',
    { config: supervisor, schema: { tags, summary: 'Correct a dossier\'s applicant on the citizen\'s request (audited: fields changed and reason)', params: IdParamsSchema, body: ApplicantCorrectionSchema, response: { 204: Type.Null(), ...ERROR_RESPONSES } } },
    async (request, reply) => {
      app.hub.dataSubjects.correct(request.params.id, request.body, actorOf(request));
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/admin/data-subjects/:idNumber/erase',
    { config: supervisor, schema: { tags, summary: 'Erase what the law allows (e-mail, representative); 409 RECORD_MUST_BE_KEPT with the reasons when nothing may be', params: DataSubjectParamsSchema, response: { 200: ErasureReplySchema, ...ERROR_RESPONSES } } },
    async (request) => app.hub.dataSubjects.erase(request.params.idNumber, actorOf(request)),
  );
};
export default privacy;

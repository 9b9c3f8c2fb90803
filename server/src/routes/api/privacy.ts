import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { DataAccessEntrySchema, DataAccessQuerySchema, PrivacyNoticeSchema, PrivacySettingsSchema, RetentionRunSchema } from '@shared/schemas/privacy';
import { actorOf } from '../../plugins/auth';
import { ERROR_RESPONSES } from '../schemas';

/** Personal data (Luật 91/2025/QH15): the access log, retention settings and runs, the privacy notice. */
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
};
export default privacy;

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Allow } from '@shared/access';
import { IdCardDossiersSchema } from '@shared/schemas/dossier';
import { IdCardLookupBodySchema } from '@shared/schemas/id-card';
import { fail } from '../../errors';
import { ERROR_RESPONSES } from '../schemas';

/** What a scanned ID card opens at the kiosk. */
const idCard: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/kiosk/dossiers-by-id-card',
    {
      config: { allow: Allow.kioskDevice, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['dossiers'],
        summary: "A scanned citizen's open dossiers, status and dates only (a paired kiosk; every listing is in the access log)",
        body: IdCardLookupBodySchema,
        response: { 200: IdCardDossiersSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      // Open LAN mode makes any browser a kiosk: personal data is listed only to a device an admin paired.
      const device = request.principal.device ?? fail('DEVICE_NOT_PAIRED');
      return app.hub.idCards.openDossiers(request.body.idNumber, { deviceId: device.id, ip: request.principal.ip });
    },
  );
};
export default idCard;

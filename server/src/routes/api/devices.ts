import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Allow } from '@shared/access';
import { rooms } from '@shared/rooms';
import { IdParamsSchema } from '@shared/schemas/common';
import {
  ApprovePairingBodySchema,
  DeviceCounterBodySchema,
  DeviceSchema,
  DeviceSelfSchema,
  PairingParamsSchema,
  PairingRequestBodySchema,
  PairingRequestSchema,
  PairingStatusSchema,
} from '@shared/schemas/device';
import { actorOf } from '../../plugins/auth';
import { toDevice } from '../../services/device-service';
import { ERROR_RESPONSES } from '../schemas';

const devices: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/devices/me',
    { config: { allow: Allow.everyone }, schema: { tags: ['devices'], summary: 'What this browser counts as', response: { 200: DeviceSelfSchema, ...ERROR_RESPONSES } } },
    async (request) => ({
      device: request.principal.device ? toDevice(request.principal.device) : null,
      openLan: app.hub.queue.settings().openLan,
    }),
  );
  app.post(
    '/devices/pairing',
    {
      config: { allow: Allow.everyone, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['devices'], summary: 'A device asks for a pairing code to show', body: PairingRequestBodySchema, response: { 200: PairingRequestSchema, ...ERROR_RESPONSES } },
    },
    async (request) => app.hub.devices.requestPairing(request.body.kind),
  );
  app.get(
    '/devices/pairing/:pairingId',
    {
      config: { allow: Allow.everyone },
      schema: { tags: ['devices'], summary: 'The device polls its request; when paired, the reply sets the device cookie', params: PairingParamsSchema, response: { 200: PairingStatusSchema, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      const result = app.hub.devices.collect(request.params.pairingId);
      if (result.token) app.setDeviceCookie(reply, result.token);
      return { status: result.status, ...(result.device ? { device: result.device } : {}) };
    },
  );
  app.get(
    '/admin/devices',
    { config: { allow: Allow.admin }, schema: { tags: ['admin'], summary: 'Paired devices', response: { 200: Type.Array(DeviceSchema), ...ERROR_RESPONSES } } },
    async () => app.hub.devices.list(),
  );
  app.post(
    '/admin/devices',
    {
      config: { allow: Allow.admin },
      schema: { tags: ['admin'], summary: 'Pair the device showing this code', body: ApprovePairingBodySchema, response: { 200: DeviceSchema, ...ERROR_RESPONSES } },
    },
    async (request) => app.hub.devices.approve(request.body.code, request.body.name.trim(), actorOf(request), request.body.counterId),
  );
  app.put(
    '/admin/devices/:id/counter',
    {
      config: { allow: Allow.admin },
      schema: { tags: ['admin'], summary: 'Bind a rating tablet to the counter it stands at', params: IdParamsSchema, body: DeviceCounterBodySchema, response: { 200: DeviceSchema, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const device = app.hub.devices.bindCounter(request.params.id, request.body.counterId, actorOf(request));
      // The tablet reconnects by itself (as after a revocation) and joins its new counter's room.
      app.io.in(rooms.device(device.id)).disconnectSockets(true);
      return device;
    },
  );
  app.post(
    '/admin/devices/:id/revoke',
    {
      config: { allow: Allow.admin },
      schema: { tags: ['admin'], summary: 'Revoke a device: its token stops working at once', params: IdParamsSchema, response: { 200: DeviceSchema, ...ERROR_RESPONSES } },
    },
    async (request) => {
      const device = app.hub.devices.revoke(request.params.id, actorOf(request));
      app.io.in(rooms.device(device.id)).disconnectSockets(true);
      return device;
    },
  );
};
export default devices;

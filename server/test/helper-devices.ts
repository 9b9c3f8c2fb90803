import type { DeviceKind } from '@shared/access';
import type { App } from '../src/app';

/** Pairs a device of `kind` through the real flow (request → admin approves the code → device collects); returns its cookie. */
export async function pairDevice(app: App, adminCookie: string, kind: DeviceKind, name = `Thiết bị ${kind}`): Promise<{ cookie: string; id: number }> {
  const req = await app.inject({ method: 'POST', url: '/api/devices/pairing', payload: { kind } });
  if (req.statusCode !== 200) throw new Error(`pairing request failed: ${req.body}`);
  const { pairingId, code } = req.json() as { pairingId: string; code: string };
  const ok = await app.inject({ method: 'POST', url: '/api/admin/devices', headers: { cookie: adminCookie }, payload: { code, name } });
  if (ok.statusCode !== 200) throw new Error(`approve failed: ${ok.body}`);
  const poll = await app.inject({ url: `/api/devices/pairing/${pairingId}` });
  const cookie = poll.cookies.find((c) => c.name === 'motcua_device');
  if (!cookie) throw new Error(`no device cookie: ${poll.body}`);
  return { cookie: `motcua_device=${cookie.value}`, id: (ok.json() as { id: number }).id };
}

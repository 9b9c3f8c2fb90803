import type { IntakeBody } from '@shared/schemas/dossier';
import type { App } from '../src/app';

/** Seeded procedures used by the dossier tests (server/seed/catalog.vi.json order). */
export const PROC = { BIRTH: 1, MARITAL_STATUS: 4, BUILDING_PERMIT: 25, NO_LIMIT: 35 } as const;

/** A complete intake body for `procedureId`, accepted, overridable. */
export function intakeBody(procedureId: number = PROC.MARITAL_STATUS, over: Partial<IntakeBody> = {}): IntakeBody {
  return {
    procedureId,
    outcome: 'accept',
    applicant: {
      name: 'Trần Thị Hồng Nhung',
      idNumber: '001190012345',
      phone: '0912 345 678',
      address: 'Số 5 ngõ 12 phố Hòa Bình',
      email: '',
      organization: '',
      representative: '',
    },
    documents: [
      { name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', originals: 1, certifiedCopies: 0, copies: 0, missing: false },
      { name: 'Căn cước công dân', originals: 0, certifiedCopies: 0, copies: 1, missing: false },
    ],
    sets: 1,
    feesCollected: 5000,
    delivery: 'counter',
    notes: '',
    reason: '',
    ...over,
  };
}

/** Sends a JSON request with a cookie; returns status and parsed body. */
export async function send(app: App, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie?: string, payload?: object) {
  const res = await app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.rawPayload };
}

import { describe, expect, it, vi } from 'vitest';
import { useQueueStore } from '@ui/stores/queue';
import { useFetchMock, jsonReply } from '@ui/testing/fetch-mock';
import { makeIssuedTicket, makeOffice, makeSnapshot } from '@ui/testing/fixtures';
import { useIdentityStore } from './identity';
import { useKioskStore } from './kiosk';

// Synthetic cards (invented people; numbers shaped as Thông tư 59/2021 says). The hub's day is 23/11/2026.
const SIXTY_TODAY = '001066012345||Lê Văn Mẫu|23111966|Nam|Số 2 Phố Thử, Hà Nội|10052021';
const SIXTY_TOMORROW = '001166012345||Lê Thị Mẫu|24111966|Nữ';

function setUp(office = makeOffice()) {
  const queue = useQueueStore();
  queue.applySnapshot(makeSnapshot({ office }));
  queue.connected = true;
  return { identity: useIdentityStore(), kiosk: useKioskStore() };
}

describe('the scanned citizen at the kiosk', () => {
  const fetchMock = useFetchMock();

  it('is elderly from the day the card says they reach the office’s elderly age', () => {
    const { identity } = setUp();
    expect(identity.scanned(SIXTY_TODAY)).toBe(true);
    expect(identity.maskedName).toBe('L* V** M**');
    expect(identity.impliedGroup).toBe('elderly');
    identity.scanned(SIXTY_TOMORROW);
    expect(identity.impliedGroup).toBeNull();
  });

  it('follows the office: a higher elderly age, or no elderly group offered, implies none', () => {
    expect(setUp(makeOffice({ elderlyAge: 75 })).identity.scanned(SIXTY_TODAY) && useIdentityStore().impliedGroup).toBeNull();
    const { identity } = setUp(makeOffice({ priorityGroups: ['disabled'] }));
    identity.scanned(SIXTY_TODAY);
    expect(identity.impliedGroup).toBeNull();
  });

  it('keeps the citizen when a code that is no card is scanned, saying why', () => {
    const { identity } = setUp();
    identity.scanned(SIXTY_TODAY);
    expect(identity.scanned('https://dichvucong.gov.vn/')).toBe(false);
    expect(identity.refusal).toBe('NOT_ID_CARD');
    expect(identity.card?.idNumber).toBe('001066012345');
  });

  it('sends only the ID number and the masked name with the ticket, and forgets the citizen on reset', async () => {
    const { identity, kiosk } = setUp();
    kiosk.scan(SIXTY_TODAY);
    kiosk.chooseService(1);
    fetchMock.mockResolvedValueOnce(jsonReply(makeIssuedTicket({ priorityGroup: 'elderly' }), 201));
    await kiosk.issue('elderly');
    const body = JSON.parse(String((fetchMock.mock.calls[0] as [string, RequestInit])[1].body));
    expect(body).toEqual({ serviceId: 1, priorityGroup: 'elderly', identity: { idNumber: '001066012345', maskedName: 'L* V** M**' } });
    expect(kiosk.step).toBe('ticket');
    kiosk.reset();
    expect(identity.card).toBeNull();
  });

  it('lists the scanned citizen’s dossiers on Tra cứu hồ sơ; Back from the priority step keeps the citizen', async () => {
    const { identity, kiosk } = setUp();
    kiosk.scan(SIXTY_TODAY);
    kiosk.chooseService(1);
    kiosk.back();
    expect(kiosk.step).toBe('home');
    expect(identity.card).not.toBeNull();
    fetchMock.mockResolvedValueOnce(jsonReply({ dossiers: [{ status: 'processing', createdAt: '2026-11-20T02:00:00.000Z', receivedAt: '2026-11-20T02:00:00.000Z', dueAt: null }] }));
    kiosk.openDossierLookup();
    await vi.waitFor(() => expect(identity.dossiers).toHaveLength(1));
    const [path, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(path).toBe('/api/kiosk/dossiers-by-id-card');
    expect(JSON.parse(String(init.body))).toEqual({ idNumber: '001066012345' });
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError } from '@ui/api';
import { makeOffice, makeSnapshot } from '@ui/testing/fixtures';
import { jsonReply as reply, useFetchMock } from '@ui/testing/fetch-mock';
import { useAdminStore } from './admin';

describe('admin store: office logo', () => {
  const fetchMock = useFetchMock();

  it('loads the logo version with the settings, from the public snapshot', async () => {
    const admin = useAdminStore();
    fetchMock.mockImplementation(async (url) =>
      String(url) === '/api/admin/settings' ? reply({ name: 'x', languages: ['vi'] }) : reply(makeSnapshot({ office: makeOffice({ logoVersion: 'v1' }) })),
    );
    await admin.loadSettings();
    expect(admin.loadErrors.settings).toBeUndefined();
    expect(admin.settings?.languages).toEqual(['vi']);
    expect(admin.logoVersion).toBe('v1');
  });

  it('uploads a data URL and keeps the version the hub answers', async () => {
    const admin = useAdminStore();
    fetchMock.mockResolvedValueOnce(reply({ logoVersion: 'v2' }));
    await admin.uploadLogo('data:image/png;base64,iVBORw==');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/admin/logo');
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(String(init?.body))).toEqual({ dataUrl: 'data:image/png;base64,iVBORw==' });
    expect(admin.logoVersion).toBe('v2');
    expect(admin.toast?.key).toBe('admin.settings.logoSavedToast');
  });

  it("throws the hub's field refusal and keeps the old logo", async () => {
    const admin = useAdminStore();
    admin.logoVersion = 'v1';
    fetchMock.mockResolvedValueOnce(
      reply({ code: 'VALIDATION_FAILED', message: 'x', details: { field: 'logo', message: 'Logo tối đa 256 KB.' } }, 400),
    );
    const error = await admin.uploadLogo('data:image/png;base64,AAAA').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).details).toEqual({ field: 'logo', message: 'Logo tối đa 256 KB.' });
    expect(admin.logoVersion).toBe('v1');
  });

  it('removes the logo (204) and forgets its version', async () => {
    const admin = useAdminStore();
    admin.logoVersion = 'v1';
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await admin.removeLogo();
    expect(fetchMock).toHaveBeenCalledWith('/api/admin/logo', expect.objectContaining({ method: 'DELETE' }));
    expect(admin.logoVersion).toBeNull();
    expect(admin.toast?.key).toBe('admin.settings.logoRemovedToast');
  });
});

describe('admin store: accounts', () => {
  const fetchMock = useFetchMock();

  it('unlocks an account: posts to its unlock route and keeps the answer in the list', async () => {
    const admin = useAdminStore();
    const row = { id: 2, username: 'giamsat', fullName: 'G', role: 'supervisor' as const, active: true, mustChangePassword: false, createdAt: '2026-11-01T00:00:00.000Z' };
    admin.users = [{ ...row, locked: true }];
    fetchMock.mockResolvedValueOnce(reply({ ...row, locked: false }));
    await admin.unlockUser(2);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect([url, init?.method]).toEqual(['/api/admin/users/2/unlock', 'POST']);
    expect(admin.users.map((u) => u.locked)).toEqual([false]);
    expect(admin.toast?.key).toBe('admin.users.unlockedToast');
  });
});

describe('admin store: webhook endpoints and API keys', () => {
  const fetchMock = useFetchMock();

  it('loads each list into its section state; a failed command shows in that section until the next load', async () => {
    const admin = useAdminStore();
    fetchMock.mockImplementation(async (url) => (String(url) === '/api/admin/webhooks' ? reply([{ id: 1, url: 'https://x.vn/hook' }]) : reply({ code: 'FORBIDDEN', message: 'x' }, 403)));
    await admin.loadWebhooks();
    await admin.loadApiKeys();
    expect(admin.webhooks).toEqual([{ id: 1, url: 'https://x.vn/hook' }]);
    expect(admin.loadErrors).toEqual({ apiKeys: 'FORBIDDEN' });
    admin.showError('webhooks', new ApiError(404, 'WEBHOOK_NOT_FOUND', 'x'));
    expect(admin.loadErrors.webhooks).toBe('WEBHOOK_NOT_FOUND');
    await admin.loadWebhooks();
    expect(admin.loadErrors.webhooks).toBeUndefined();
    expect(admin.loading).toMatchObject({ webhooks: false, apiKeys: false });
  });
});

import { describe, expect, it } from 'vitest';
import { jsonReply, useFetchMock } from '@ui/testing/fetch-mock';
import { usePreferencesStore } from './preferences';

describe('preferences store', () => {
  const fetchMock = useFetchMock();

  it('loads the account\'s choice and saves a change with PUT', async () => {
    fetchMock.mockResolvedValueOnce(jsonReply({ singleKeyShortcuts: false }));
    const prefs = usePreferencesStore();
    await prefs.load();
    expect(prefs.singleKeyShortcuts).toBe(false);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/auth/preferences');
    fetchMock.mockResolvedValueOnce(jsonReply({ singleKeyShortcuts: true }));
    await prefs.setSingleKeyShortcuts(true);
    const [url, init] = fetchMock.mock.calls[1]!;
    expect(url).toBe('/api/auth/preferences');
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(String(init?.body))).toEqual({ singleKeyShortcuts: true });
    expect(prefs.singleKeyShortcuts).toBe(true);
  });

  it('goes back to the previous choice when the hub refuses', async () => {
    const prefs = usePreferencesStore();
    fetchMock.mockResolvedValueOnce(jsonReply({ code: 'UNAUTHENTICATED', message: 'x' }, 401));
    await prefs.setSingleKeyShortcuts(false);
    expect(prefs.singleKeyShortcuts).toBe(true);
    expect(prefs.errorCode).toBe('UNAUTHENTICATED');
  });
});

import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCounterI18n } from '../../../i18n';
import { useAdminStore, type BackupFile } from '../../../stores/admin';
import BackupsSection from './BackupsSection.vue';

const older: BackupFile = { name: 'motcua-20261123-013000.db', size: 1_258_291, createdAt: '2026-11-23T01:30:00.000Z' };
const newer: BackupFile = { name: 'motcua-20261123-073000.db', size: 524_288, createdAt: '2026-11-23T07:30:00.000Z' };

function reply(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('BackupsSection', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  const mountSection = async () => {
    const wrapper = mount(BackupsSection, { global: { plugins: [createCounterI18n(), createPinia()] } });
    await flushPromises();
    return wrapper;
  };
  const calls = () => fetchMock.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}`);
  const cells = (wrapper: Awaited<ReturnType<typeof mountSection>>, col: string) =>
    wrapper.findAll('[data-testid="backups-table-row"]').map((r) => r.get(`[data-col="${col}"]`).text());

  it('lists the backups with the office time, the size in MB/KB and a download link', async () => {
    fetchMock.mockResolvedValueOnce(reply([newer, older]));
    const wrapper = await mountSection();
    expect(calls()).toEqual(['GET /api/admin/backups']);
    expect(cells(wrapper, 'createdAt')).toEqual(['23/11/2026 14:30', '23/11/2026 08:30']);
    expect(cells(wrapper, 'size')).toEqual(['512 KB', '1,2 MB']);
    const links = wrapper.findAll('[data-testid="backup-download"]');
    expect(links.map((a) => a.attributes('href'))).toEqual([`/api/admin/backups/${newer.name}`, `/api/admin/backups/${older.name}`]);
    expect(links[0]!.attributes()).toHaveProperty('download');
    expect(links[0]!.text()).toBe('Tải về');
    expect(wrapper.text()).toContain('Khôi phục: dừng máy chủ');
  });

  it('"Sao lưu ngay" takes a backup, shows progress, then reloads the list', async () => {
    fetchMock.mockResolvedValueOnce(reply([older]));
    const wrapper = await mountSection();
    let answer!: (r: Response) => void;
    fetchMock.mockReturnValueOnce(new Promise<Response>((resolve) => (answer = resolve)));
    fetchMock.mockResolvedValueOnce(reply([newer, older]));

    const button = wrapper.get('[data-testid="backup-now"]');
    expect(button.text()).toBe('Sao lưu ngay');
    await button.trigger('click');
    expect(button.text()).toBe('Đang sao lưu…');
    expect(button.attributes()).toHaveProperty('disabled');

    answer(reply(newer, 201));
    await flushPromises();
    expect(calls()).toEqual(['GET /api/admin/backups', 'POST /api/admin/backups', 'GET /api/admin/backups']);
    expect(cells(wrapper, 'name')).toEqual([newer.name, older.name]);
    expect(button.text()).toBe('Sao lưu ngay');
    expect(button.attributes()).not.toHaveProperty('disabled');
    expect(useAdminStore().toast).toMatchObject({ key: 'admin.backups.doneToast', params: { name: newer.name } });
  });

  it('shows the hub refusing a backup in the section', async () => {
    fetchMock.mockResolvedValueOnce(reply([older]));
    const wrapper = await mountSection();
    fetchMock.mockResolvedValueOnce(reply({ code: 'INTERNAL_ERROR', message: 'x' }, 500));
    await wrapper.get('[data-testid="backup-now"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="section-error"]').exists()).toBe(true);
    expect(cells(wrapper, 'name')).toEqual([older.name]);
  });
});

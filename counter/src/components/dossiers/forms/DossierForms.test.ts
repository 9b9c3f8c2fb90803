import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '@shared/schemas/dossier';
import Form01Receipt from './Form01Receipt.vue';
import Form02Supplement from './Form02Supplement.vue';
import Form03Refusal from './Form03Refusal.vue';
import Form04Apology from './Form04Apology.vue';
import Form05Control from './Form05Control.vue';
import Form06Book from './Form06Book.vue';

const office = { name: 'Trung tâm Phục vụ hành chính công phường Hòa Bình', address: 'Số 1 đường Độc Lập, phường Hòa Bình', timezone: 'Asia/Ho_Chi_Minh' };
const at = '2026-11-25T03:00:00.000Z';
const ev = (id: number, at: string, type: string, from: Dossier['status'] | null, to: Dossier['status'], extra: Partial<Dossier['events'][number]> = {}) => ({
  id,
  at,
  type,
  fromStatus: from,
  toStatus: to,
  userName: 'Nguyễn Văn An',
  note: '',
  agency: '',
  ...extra,
});

const dossier: Dossier = {
  id: 7,
  code: '000.00.06.H56-261123-0007',
  seq: 7,
  procedureId: 4,
  procedureCode: '1.004873',
  procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân',
  fieldId: 1,
  fieldName: 'Hộ tịch',
  agency: 'UBND phường Hòa Bình',
  status: 'processing',
  applicantName: 'Trần Thị Hồng Nhung',
  applicantAddress: 'Số 5 ngõ 12 phố Hòa Bình',
  applicantPhone: '0912 345 678',
  delivery: 'counter',
  channel: 'counter',
  receivedAt: '2026-11-23T02:00:00.000Z',
  dueAt: '2026-11-27T02:00:00.000Z',
  returnedAt: null,
  overdue: false,
  applicant: { name: 'Trần Thị Hồng Nhung', idNumber: '001190012345', phone: '0912 345 678', address: 'Số 5 ngõ 12 phố Hòa Bình', email: 'nhung@example.vn', organization: '', representative: '' },
  documents: [
    { name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', originals: 1, certifiedCopies: 0, copies: 0, missing: false },
    { name: 'Trích lục ghi chú ly hôn', originals: 0, certifiedCopies: 1, copies: 0, missing: true },
  ],
  sets: 1,
  feesCollected: 5000,
  notes: '',
  reason: 'Thiếu trích lục ghi chú ly hôn',
  processingTimeText: '03 ngày làm việc',
  limitKind: 'working_days',
  originalDueAt: '2026-11-26T02:00:00.000Z',
  supplementCount: 1,
  ticketNumber: 'A001',
  receivedByName: 'Nguyễn Văn An',
  createdAt: '2026-11-23T02:00:00.000Z',
  checkCode: 'K7PM3Q',
  statusUrl: 'http://hub.test/h/000.00.06.H56-261123-0007/K7PM3Q',
  events: [
    ev(1, '2026-11-23T02:00:00.000Z', 'intake.accept', null, 'received'),
    ev(2, '2026-11-23T03:00:00.000Z', 'transfer', 'received', 'transferred', { agency: 'UBND phường Hòa Bình' }),
    ev(3, '2026-11-27T09:00:00.000Z', 'reschedule', 'transferred', 'transferred', { note: 'Cần xác minh tại nơi cư trú cũ' }),
  ],
};

const field = (w: ReturnType<typeof mount>, name: string) => w.find(`[data-field="${name}"]`).text();

describe('dossier forms (TT 03/2025/TT-VPCP)', () => {
  it('Mẫu 01 prints the code, QR, applicant, documents received, dates, both copies’ labels and signatures', () => {
    const w = mount(Form01Receipt, { props: { dossier, office, qr: 'data:image/png;base64,AAAA', copy: 2 } });
    expect(w.text()).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(w.text()).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(w.text()).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(w.text()).toContain('phường Hòa Bình, ngày 23 tháng 11 năm 2026');
    expect(field(w, 'number')).toBe('Số: 7/TNHS');
    expect(field(w, 'code')).toBe('000.00.06.H56-261123-0007');
    expect(field(w, 'checkCode')).toBe('K7PM3Q');
    expect(w.find('[data-field="qr"]').attributes('src')).toBe('data:image/png;base64,AAAA');
    expect(field(w, 'idNumber')).toBe('001190012345');
    expect(field(w, 'receivedAt')).toBe('09:00 23/11/2026');
    expect(field(w, 'dueAt')).toBe('09:00 27/11/2026');
    expect(w.findAll('[data-field="documents"] tbody tr')).toHaveLength(1); // the missing document is not "received"
    expect(w.text()).toContain('Liên 2: Giao người nộp');
    expect(w.text()).toContain('NGƯỜI NỘP HỒ SƠ');
    expect(w.text()).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(w.text()).toContain('Khi đến nhận kết quả, mang theo Giấy này');
    expect(w.html()).toMatchSnapshot();
  });

  it('Mẫu 02 lists what is missing, the reason and the guiding officer', () => {
    const w = mount(Form02Supplement, { props: { dossier, office, at } });
    expect(field(w, 'number')).toBe('Số: 7/HDHS');
    expect(w.findAll('[data-field="documents"] tbody tr').map((r) => r.text())).toEqual([expect.stringContaining('Trích lục ghi chú ly hôn')]);
    expect(field(w, 'reason')).toBe('Thiếu trích lục ghi chú ly hôn');
    expect(w.text()).toContain('NGƯỜI HƯỚNG DẪN');
    expect(w.html()).toMatchSnapshot();
  });

  it('Mẫu 03 states the refusal wording with the reason', () => {
    const w = mount(Form03Refusal, { props: { dossier: { ...dossier, status: 'refused', reason: 'Không thuộc thẩm quyền' }, office, at } });
    expect(w.text()).toContain('thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:');
    expect(field(w, 'reason')).toBe('Không thuộc thẩm quyền');
    expect(field(w, 'idNumber')).toBe('001190012345');
    expect(w.html()).toMatchSnapshot();
  });

  it('Mẫu 04 gives the original date, the reason of the last reschedule, the apology and the new date', () => {
    const w = mount(Form04Apology, { props: { dossier, office, at } });
    expect(field(w, 'number')).toBe('Số: 7/PXL');
    expect(field(w, 'originalDueAt')).toBe('09:00 26/11/2026');
    expect(field(w, 'reason')).toBe('Cần xác minh tại nơi cư trú cũ');
    expect(field(w, 'dueAt')).toBe('09:00 27/11/2026');
    expect(w.text()).toContain('thành thật xin lỗi');
    expect(w.html()).toMatchSnapshot();
  });

  it('Mẫu 05 has one hand-over row per logged event, rated against the due date', () => {
    const w = mount(Form05Control, { props: { dossier, office, at } });
    const rows = w.findAll('[data-field="handovers"] tbody tr').map((r) => r.findAll('td').map((c) => c.text()));
    expect(rows).toEqual([
      ['Nguyễn Văn An', 'UBND phường Hòa Bình', '10:00 23/11/2026', 'Trước hạn', '', ''],
      ['UBND phường Hòa Bình', 'Nguyễn Văn An', '16:00 27/11/2026', 'Đúng hạn', 'Cần xác minh tại nơi cư trú cũ', ''],
    ]);
    expect(w.html()).toMatchSnapshot();
  });

  it('Mẫu 06 has the book columns and one row per dossier', () => {
    const w = mount(Form06Book, { props: { rows: [dossier], office, at, period: 'Từ ngày 01/11/2026 đến ngày 30/11/2026' } });
    expect(w.findAll('thead th').map((th) => th.text())).toEqual([
      'STT',
      'Mã hồ sơ',
      'Tên TTHC',
      'Tên tổ chức, cá nhân',
      'Địa chỉ, số điện thoại',
      'Cơ quan chủ trì giải quyết',
      'Nhận hồ sơ',
      'Hẹn trả kết quả',
      'Trả kết quả',
      'Phương thức nhận kết quả',
      'Ký nhận',
    ]);
    expect(w.findAll('tbody tr')[0]?.findAll('td').map((c) => c.text()).slice(0, 4)).toEqual(['1', dossier.code, dossier.procedureName, 'Trần Thị Hồng Nhung']);
    expect(w.html()).toMatchSnapshot();
  });
});

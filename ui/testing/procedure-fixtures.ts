import type { Field, Procedure, ProcedureSummary } from '@shared/schemas/procedure';

/** Procedure-catalog test data shaped like the hub's replies (override what a test is about). */
export function demoFields(): Field[] {
  return [
    { id: 2, code: 'CTHUC', nameVi: 'Chứng thực', nameEn: 'Certification', icon: 'stamp', displayOrder: 2, procedureCount: 10 },
    { id: 1, code: 'HTICH', nameVi: 'Hộ tịch', nameEn: 'Civil status registration', icon: 'family', displayOrder: 1, procedureCount: 19 },
  ];
}

export function makeSummary(over: Partial<ProcedureSummary> & Pick<ProcedureSummary, 'id' | 'code' | 'name'>): ProcedureSummary {
  return { fieldId: 1, processingTime: '05 ngày làm việc', serviceId: 1, ...over };
}

/** "Đăng ký khai sinh" as the demo catalog lists it, with one fee of each kind (fixed, free, set by HĐND). */
export function makeProcedure(over: Partial<Procedure> = {}): Procedure {
  return {
    id: 1,
    fieldId: 1,
    fieldName: 'Hộ tịch',
    serviceId: 1,
    updatedAt: '2026-11-20T01:00:00.000Z',
    code: '1.001193',
    localSuffix: '',
    name: 'Đăng ký khai sinh',
    fieldCode: 'HTICH',
    level: 'xa',
    implementingAgency: 'Ủy ban nhân dân cấp xã',
    competentAgency: 'Ủy ban nhân dân cấp xã',
    mechanism: 'mot_cua',
    coordinatingAgencies: [],
    processingTime: { text: 'Ngay trong ngày', kind: 'same_day', value: 0, cutoff15h: true },
    fees: [
      { name: 'Phí cấp bản sao', amount: 8000, unit: 'đồng/bản sao', note: '' },
      { name: 'Lệ phí', amount: 0, unit: '', note: 'Miễn lệ phí đăng ký khai sinh đúng hạn' },
      { name: 'Lệ phí đăng ký khai sinh quá hạn', amount: null, unit: '', note: 'Theo Nghị quyết của Hội đồng nhân dân tỉnh' },
    ],
    documents: [
      { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, note: 'Theo mẫu', formFile: null },
      { name: 'Giấy chứng nhận kết hôn của cha, mẹ', originals: 0, copies: 2, note: '', formFile: null },
    ],
    steps: ['Nộp hồ sơ tại Bộ phận Một cửa'],
    applicants: 'Cá nhân',
    result: 'Giấy khai sinh (bản chính)',
    legalBasis: [{ number: '04/2020/TT-BTP', summary: 'Thông tư hướng dẫn Luật Hộ tịch', date: null, issuer: 'Bộ Tư pháp' }],
    conditions: '',
    onlineLevel: 'mot_phan',
    serviceCode: 'HT',
    active: true,
    source: 'test',
    ...over,
  };
}

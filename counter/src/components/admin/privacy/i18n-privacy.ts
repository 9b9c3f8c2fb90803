/** Texts of the personal data screens (key `admin.privacy`), Vietnamese first. */
export const privacyVi = {
  access: {
    time: 'Thời gian',
    who: 'Cán bộ',
    dossier: 'Mã hồ sơ',
    codePlaceholder: 'Ví dụ 000.00.06.H56-261123-0001',
    kind: 'Cách xem',
    kinds: { view: 'Mở hồ sơ', list: 'Trong danh sách', export: 'Tải Sổ theo dõi' },
    fields: 'Thông tin đã xem',
    allFields: 'Toàn bộ thông tin người nộp',
    field: { name: 'họ tên', address: 'địa chỉ', phone: 'số điện thoại' },
    ip: 'Địa chỉ IP',
    empty: 'Chưa có lượt xem dữ liệu cá nhân nào khớp bộ lọc.',
  },
};

export const privacyEn: typeof privacyVi = {
  access: {
    time: 'Time',
    who: 'Staff member',
    dossier: 'Dossier code',
    codePlaceholder: 'e.g. 000.00.06.H56-261123-0001',
    kind: 'How',
    kinds: { view: 'Opened', list: 'In a list', export: 'Tracking book download' },
    fields: 'Data shown',
    allFields: 'Every applicant field',
    field: { name: 'name', address: 'address', phone: 'phone' },
    ip: 'IP address',
    empty: 'No reads of personal data match the filters.',
  },
};

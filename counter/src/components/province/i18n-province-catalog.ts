/** Texts of the province's published catalog (top-level key `provinceCatalog`). */
export const provinceCatalogVi = {
  title: 'Công bố danh mục cho các đơn vị',
  intro:
    'Sửa danh mục thủ tục ở phần dưới, rồi công bố kèm số quyết định và ngày hiệu lực. Mỗi lần công bố là một bản cố định; các đơn vị thấy “Có bản cập nhật danh mục” và tự áp dụng (giữ dịch vụ xếp hàng, lĩnh vực và lệ phí riêng của đơn vị).',
  decision: 'Quyết định công bố',
  decisionHint: 'VD: Quyết định số 123/QĐ-UBND',
  effectiveDate: 'Ngày hiệu lực',
  note: 'Ghi chú (không bắt buộc)',
  publish: 'Công bố danh mục',
  publishedToast: 'Đã công bố bản {version}: {decision}.',
  editions: 'Các bản đã công bố',
  none: 'Chưa công bố bản nào.',
  edition: 'Bản {version}',
  basis: '{decision} · hiệu lực từ {date}',
  meta: 'Công bố {when} · {procedures} thủ tục, {fields} lĩnh vực',
  required: 'Bắt buộc.',
};

export const provinceCatalogEn: typeof provinceCatalogVi = {
  title: 'Publish the catalog to the offices',
  intro:
    'Edit the procedure catalog below, then publish it with its decision number and effective date. Each publication is a frozen edition; offices see "Catalog update available" and apply it themselves (keeping their queue services, fields and own fees).',
  decision: 'Promulgating decision',
  decisionHint: 'E.g. Quyết định số 123/QĐ-UBND',
  effectiveDate: 'Effective date',
  note: 'Note (optional)',
  publish: 'Publish the catalog',
  publishedToast: 'Edition {version} published: {decision}.',
  editions: 'Published editions',
  none: 'No edition published yet.',
  edition: 'Edition {version}',
  basis: '{decision} · in force from {date}',
  meta: 'Published {when} · {procedures} procedures, {fields} fields',
  required: 'Required.',
};

/**
 * The printed forms of the one-stop mechanism as configuration with their legal basis (domain.md §5):
 * Thông tư 03/2025/TT-VPCP Phụ lục I (in force with Nghị định 118/2025/NĐ-CP). A new circular changes this table.
 */

/** Identifier of a dossier form. */
export type DossierFormId = '01' | '02' | '03' | '04' | '05' | '06';

/** One form template. */
export interface DossierForm {
  id: DossierFormId;
  title: string;
  /** Suffix of the form's number ("Số: 12/TNHS"), empty when the form carries none. */
  numberSuffix: string;
  legalBasis: string;
}

const BASIS = 'Thông tư 03/2025/TT-VPCP, Phụ lục I';

/** Forms in force (2025 set). */
export const DOSSIER_FORMS: Record<DossierFormId, DossierForm> = {
  '01': { id: '01', title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', numberSuffix: 'TNHS', legalBasis: `${BASIS}, Mẫu số 01` },
  '02': { id: '02', title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', numberSuffix: 'HDHS', legalBasis: `${BASIS}, Mẫu số 02` },
  '03': { id: '03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN HỒ SƠ', numberSuffix: 'TCHS', legalBasis: `${BASIS}, Mẫu số 03` },
  '04': { id: '04', title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', numberSuffix: 'PXL', legalBasis: `${BASIS}, Mẫu số 04` },
  '05': { id: '05', title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', numberSuffix: '', legalBasis: `${BASIS}, Mẫu số 05` },
  '06': { id: '06', title: 'SỔ THEO DÕI HỒ SƠ', numberSuffix: '', legalBasis: `${BASIS}, Mẫu số 06` },
};

/** The national motto printed at the top of every form. */
export const NATIONAL_MOTTO = { name: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', motto: 'Độc lập - Tự do - Hạnh phúc' } as const;

/** "Trước hạn / Đúng hạn / Quá hạn" of a hand-over or return at `at` against the due instant (same local day = on time). */
export function timeliness(atDate: string, dueDate: string): 'early' | 'on_time' | 'late' {
  if (atDate === dueDate) return 'on_time';
  return atDate < dueDate ? 'early' : 'late';
}

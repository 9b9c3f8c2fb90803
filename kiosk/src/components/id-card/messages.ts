/** Texts of the ID-card scan on the kiosk (top-level key `idCard`). Polite, short: citizens may be elderly. */
export const idCardMessages = {
  vi: {
    idCard: {
      greeting: 'Xin chào {title} {name}',
      greetingHint: 'Đã đọc thẻ căn cước. Mời chọn dịch vụ để lấy số.',
      greetingDossiers: 'Đã đọc thẻ căn cước. Mời chạm “Tra cứu hồ sơ” để xem hồ sơ đang giải quyết.',
      notCard: 'Mã vừa quét không phải mã QR của thẻ căn cước. Xin vui lòng quét mã QR in trên thẻ.',
      unreadable: 'Không đọc được thông tin trên thẻ. Xin vui lòng quét lại, hoặc hỏi cán bộ tại quầy.',
      suggested: 'Theo thẻ căn cước',
      take: 'Lấy số',
      takeAs: 'Lấy số: {group}',
      dossiersTitle: 'Hồ sơ đang giải quyết của {title} {name}',
      dossiersNone: 'Không có hồ sơ nào đang giải quyết theo số căn cước này.',
      dossiersLoading: 'Đang tra cứu…',
      dossiersFailed: 'Chưa tra cứu được. Xin vui lòng thử lại sau ít phút.',
      scanHint: 'Hoặc quét mã QR trên thẻ căn cước để xem các hồ sơ của mình.',
      createdAt: 'Ngày nộp',
    },
  },
  en: {
    idCard: {
      greeting: 'Hello {title} {name}',
      greetingHint: 'ID card read. Please choose a service to take a ticket.',
      greetingDossiers: 'ID card read. Tap “Dossier status” to see your open dossiers.',
      notCard: 'This is not the QR code of an ID card. Please scan the QR code printed on the card.',
      unreadable: 'The card could not be read. Please scan again, or ask at a counter.',
      suggested: 'From your ID card',
      take: 'Take a ticket',
      takeAs: 'Take a ticket: {group}',
      dossiersTitle: 'Open dossiers of {title} {name}',
      dossiersNone: 'No open dossier for this ID number.',
      dossiersLoading: 'Looking up…',
      dossiersFailed: 'The lookup failed. Please try again in a few minutes.',
      scanHint: 'Or scan the QR code on your ID card to see your dossiers.',
      createdAt: 'Submitted',
    },
  },
};

import { createAppI18n } from '@ui/i18n';

/** Display texts (Vietnamese; English kept for completeness). Top-level keys must not clash with the shared ones (ui/i18n.ts: errors, priority, connection, language, devicePairing). */
export const messages = {
  vi: {
    board: {
      title: 'Màn hình gọi số',
      nowCalling: 'Xin mời số',
      goTo: 'Mời đến',
      counter: 'QUẦY {n}',
      counterShort: 'Quầy {n}',
      recall: 'Gọi lại',
      recent: 'Số vừa gọi',
      counters: 'Các quầy',
      closed: 'Đóng',
      none: '—',
      waitingForCall: 'Chưa có số nào được gọi',
      waitingHint: 'Xin mời Quý khách lấy số thứ tự tại kiosk và theo dõi màn hình này.',
      noRecent: 'Chưa có',
      soundBlocked: 'Chạm vào màn hình để bật âm thanh',
      waiting: 'Đang chờ',
      serving: 'Đang phục vụ số',
      counterClosed: 'Quầy tạm dừng tiếp nhận',
      staff: 'Cán bộ: {name}',
      noCounter: 'Chưa chọn quầy cho màn hình này',
      configMissing: 'Không tìm thấy cấu hình màn hình số {id}; đang dùng cấu hình mặc định',
    },
  },
  en: {
    board: {
      title: 'Calling display',
      nowCalling: 'Now calling',
      goTo: 'Please go to',
      counter: 'COUNTER {n}',
      counterShort: 'Counter {n}',
      recall: 'Recall',
      recent: 'Recent calls',
      counters: 'Counters',
      closed: 'Closed',
      none: '—',
      waitingForCall: 'No number called yet',
      waitingHint: 'Please take a ticket at the kiosk and watch this screen.',
      noRecent: 'None yet',
      soundBlocked: 'Touch the screen to enable sound',
      waiting: 'Waiting',
      serving: 'Now serving',
      counterClosed: 'Counter closed',
      staff: 'Officer: {name}',
      noCounter: 'No counter chosen for this screen',
      configMissing: 'Display configuration {id} not found; using the default',
    },
  },
};

/** The display's vue-i18n instance (shared messages merged in). */
export function createDisplayI18n() {
  return createAppI18n(messages, 'motcua.display.locale');
}

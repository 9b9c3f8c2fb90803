import { createI18n } from 'vue-i18n';
import { ERROR_MESSAGES } from '@shared/errors';
import { PRIORITY_LABELS } from '@shared/priority';

/** Languages of every screen: Vietnamese first, English second. */
export type Locale = 'vi' | 'en';

type Messages = Record<string, unknown>;

function commonMessages(lang: Locale): Messages {
  const errors: Record<string, string> = {};
  for (const [code, text] of Object.entries(ERROR_MESSAGES)) errors[code] = text[lang];
  const priority: Record<string, string> = {};
  for (const [code, text] of Object.entries(PRIORITY_LABELS)) priority[code] = text[lang];
  const vi = lang === 'vi';
  return {
    errors,
    priority,
    connection: {
      online: vi ? 'Đã kết nối' : 'Connected',
      offline: vi ? 'Mất kết nối' : 'Disconnected',
      reconnecting: vi ? 'Đang kết nối lại với máy chủ…' : 'Reconnecting to the hub…',
      offlineHint: vi ? 'Vui lòng chờ trong giây lát. Màn hình sẽ tự hoạt động lại.' : 'Please wait. The screen will recover by itself.',
    },
    language: { switchTo: vi ? 'English' : 'Tiếng Việt' },
    devicePairing: {
      title: vi ? 'Thiết bị chưa được ghép nối' : 'This device is not paired yet',
      kind: {
        kiosk: vi ? 'Kiosk lấy số' : 'Ticket kiosk',
        display: vi ? 'Màn hình hiển thị' : 'Calling display',
        rating: vi ? 'Máy đánh giá mức độ hài lòng' : 'Satisfaction rating tablet',
      },
      codeLabel: vi ? 'Mã ghép nối' : 'Pairing code',
      instructions: vi ? 'Quản trị viên mở {path} và nhập mã này.' : 'An administrator opens {path} and enters this code.',
      path: vi ? 'Quầy cán bộ → Quản trị → Thiết bị' : 'Counter console → Administration → Devices',
      expiresIn: vi ? 'Mã còn hiệu lực {time}' : 'Code valid for {time}',
      renews: vi ? 'Khi hết hạn, mã mới sẽ tự hiện.' : 'A new code appears by itself when this one expires.',
      waiting: vi ? 'Đang chờ quản trị viên nhập mã…' : 'Waiting for an administrator…',
      requesting: vi ? 'Đang lấy mã ghép nối…' : 'Getting a pairing code…',
      unreachable: vi ? 'Chưa kết nối được máy chủ. Đang thử lại…' : 'The hub cannot be reached. Retrying…',
      success: vi ? 'Ghép nối thành công' : 'Paired',
      deviceName: vi ? 'Tên thiết bị: {name}' : 'Device name: {name}',
      starting: vi ? 'Đang khởi động màn hình…' : 'Starting…',
    },
    priorityMark: vi ? 'Ưu tiên' : 'Priority',
    minutes: vi ? '{n} phút' : '{n} min',
  };
}

const STORAGE_KEY = 'motcua.locale';

/** Creates the app's vue-i18n with the shared messages (errors by code, priority groups) merged in. */
export function createAppI18n(app: { vi: Messages; en: Messages }, storageKey = STORAGE_KEY) {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(storageKey) : null;
  const locale: Locale = saved === 'en' ? 'en' : 'vi';
  const messages: Record<Locale, Messages> = {
    vi: { ...commonMessages('vi'), ...app.vi },
    en: { ...commonMessages('en'), ...app.en },
  };
  return createI18n<[Messages], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'vi',
    messages,
  });
}

/** Remembers the chosen language for the next visit. */
export function saveLocale(locale: Locale, storageKey = STORAGE_KEY): void {
  localStorage.setItem(storageKey, locale);
}


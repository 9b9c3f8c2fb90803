import { createAppI18n } from '@ui/i18n';
import { ratingMessages } from './messages';

/** Where the tablet remembers its language. */
const TABLET_LOCALE_KEY = 'motcua.rating.locale';

const tablet = {
  vi: {
    title: 'Đánh giá mức độ hài lòng',
    welcome: 'Kính chào Quý khách',
    idleHint: 'Sau khi được phục vụ, xin mời Quý khách đánh giá tại đây.',
    closed: 'Quầy đang tạm nghỉ',
    open: 'Quầy đang phục vụ',
    staff: 'Cán bộ: {name}',
    unbound: 'Máy chưa được gán cho quầy nào. Quản trị viên gán máy tại Quản trị → Thiết bị.',
    rateNow: 'Mời Quý khách đánh giá lượt vừa phục vụ',
  },
  en: {
    title: 'Satisfaction rating',
    welcome: 'Welcome',
    idleHint: 'Once you have been served, please rate us here.',
    closed: 'This counter is closed',
    open: 'This counter is open',
    staff: 'Officer: {name}',
    unbound: 'This tablet is not assigned to a counter. An administrator assigns it under Administration → Devices.',
    rateNow: 'Please rate the service you just received',
  },
};

/** The rating tablet's vue-i18n (shared messages and the rating form's texts merged in). */
export function createRatingI18n() {
  return createAppI18n(
    { vi: { ...ratingMessages.vi, tablet: tablet.vi }, en: { ...ratingMessages.en, tablet: tablet.en } },
    TABLET_LOCALE_KEY,
  );
}

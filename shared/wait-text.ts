/**
 * An estimated wait in words, as printed on the ticket: "khoảng 45 phút", "khoảng 2 giờ 48 phút", "khoảng 3 giờ"
 * (never "168 phút": nobody converts that in their head at a kiosk). English: "about 2 h 48 min".
 */
export function waitText(minutes: number, lang: 'vi' | 'en' = 'vi'): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (lang === 'en') return `about ${h ? `${h} h` : ''}${h && rest ? ' ' : ''}${rest || !h ? `${rest} min` : ''}`;
  return `khoảng ${h ? `${h} giờ` : ''}${h && rest ? ' ' : ''}${rest || !h ? `${rest} phút` : ''}`;
}

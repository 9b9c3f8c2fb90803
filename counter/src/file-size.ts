const KB = 1024;
const MB = KB * 1024;

/**
 * A file size for people, at most one decimal, in the locale's number style: 1258291 → "1,2 MB" (vi) or
 * "1.2 MB" (en); under 1 MB in KB ("512 KB"), never below "0,1 KB" for a non-empty file.
 */
export function formatFileSize(bytes: number, locale: string): string {
  const number = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes >= MB) return `${number.format(bytes / MB)} MB`;
  return `${number.format(bytes > 0 ? Math.max(bytes / KB, 0.1) : 0)} KB`;
}

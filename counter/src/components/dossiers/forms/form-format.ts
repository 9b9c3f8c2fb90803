import { formatDateTime, localParts } from '@shared/office-time';

/** What every form prints about the office. */
export interface FormOffice {
  name: string;
  address: string;
  timezone: string;
}

/** "hh:mm dd/mm/yyyy" as the forms print times (empty for null). */
export function formTime(iso: string | null, tz: string): string {
  if (iso === null) return '';
  const [d, t] = formatDateTime(new Date(iso), tz).split(' ');
  return `${t} ${d}`;
}

/** "<place>, ngày 23 tháng 11 năm 2026": the place is the last part of the office address. */
export function placeAndDate(office: FormOffice, iso: string): string {
  const p = localParts(new Date(iso), office.timezone);
  const place = office.address.split(',').pop()?.trim() || '……';
  return `${place}, ngày ${String(p.day).padStart(2, '0')} tháng ${String(p.month).padStart(2, '0')} năm ${p.year}`;
}

/** Money in Vietnamese style, as the listings print it: 50000 → "50.000 đ" (dot thousands, no decimals). */
export function formatMoneyVnd(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${digits} đ`;
}

/**
 * A fee with its unit as written in a listing ("đồng/trang", "đồng/lần", "đồng", ""): the "đồng" is folded into
 * the money sign, so 2000 + "đồng/trang" → "2.000 đ/trang" and 50000 + "đồng" → "50.000 đ".
 */
export function formatFeeVnd(amount: number, unit: string): string {
  const money = formatMoneyVnd(amount);
  const rest = unit.trim().replace(/^đồng\s*/i, '');
  if (!rest) return money;
  return rest.startsWith('/') ? `${money}${rest}` : `${money} ${rest}`;
}

/** A listing's fee as told to a citizen: "2.000 đ/trang", `free` ("Miễn phí") for 0, the note when the amount is set elsewhere (null). */
export function formatFee(fee: { amount: number | null; unit: string; note: string }, free: string): string {
  if (fee.amount === null) return fee.note;
  if (fee.amount === 0) return free;
  return formatFeeVnd(fee.amount, fee.unit);
}

/** A calendar day as Vietnamese write it: "2026-12-15" → "15/12/2026" (anything else is returned as is). */
export function formatIsoDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/**
 * A calendar day typed the Vietnamese way, "15/12/2026" (or "5/1/2026"), as "2026-12-15"; null when it is not a real
 * day (31/02, 13th month, anything else).
 */
export function isoDayFromText(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// `npm run setup`: first run of a real office — its name, the admin password, pairing required for devices.
// Interactive on a terminal; or `npm run setup -- --office "UBND phường X" --address "..." --admin-password "..."`.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db';
import { createRealtime } from '../server/src/realtime/emitter';
import { setupOffice } from '../server/src/seed';
import { createHub } from '../server/src/services/hub';

const { values } = parseArgs({
  options: { office: { type: 'string' }, address: { type: 'string' }, 'admin-password': { type: 'string' }, 'admin-name': { type: 'string' } },
});
// The database and its backups are for this user only (Luật 91/2025/QH15).
process.umask(0o077);
const config = loadConfig();
const rl = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : null;
async function ask(question: string, given: string | undefined, check: (v: string) => string | null): Promise<string> {
  let value = given;
  for (;;) {
    if (value === undefined) {
      if (!rl) throw new Error(`Thiếu tham số: ${question}`);
      value = (await rl.question(`${question}: `)).trim();
    }
    const problem = check(value);
    if (!problem) return value;
    process.stdout.write(`${problem}\n`);
    if (!rl) throw new Error(problem);
    value = undefined;
  }
}

const name = await ask('Tên đơn vị (ví dụ: Trung tâm Phục vụ hành chính công phường ...)', values.office, (v) => (v.length >= 3 ? null : 'Tên quá ngắn.'));
const address = await ask('Địa chỉ', values.address ?? (rl ? undefined : ''), () => null);
const adminPassword = await ask('Mật khẩu tài khoản admin (ít nhất 8 ký tự)', values['admin-password'], (v) => (v.length >= 8 ? null : 'Mật khẩu phải có ít nhất 8 ký tự.'));
rl?.close();

const db = openDatabase(config.dbFile);
const hub = createHub({ db, config, realtime: createRealtime(() => undefined) });
await setupOffice(hub, { name, address, adminPassword, adminName: values['admin-name'] ?? 'Quản trị hệ thống' });
db.close();
process.stdout.write(
  `Đã thiết lập "${name}" trong ${config.dbFile}.\n` +
    'Đăng nhập Quầy cán bộ bằng tài khoản admin, tạo tài khoản cán bộ, rồi ghép nối từng kiosk và màn hình (Quản trị → Thiết bị).\n' +
    'Chạy: npm start\n',
);

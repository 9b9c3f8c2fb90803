// `npm run backup [folder]`: online backup of the hub's database (safe while the hub runs).
import { resolve } from 'node:path';
import { backupDatabase } from '../server/src/backup';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db';

// The database and its backups are for this user only (Luật 91/2025/QH15).
process.umask(0o077);
const config = loadConfig();
const dir = resolve(process.argv[2] ?? 'data/backups');
const db = openDatabase(config.dbFile);
const file = await backupDatabase(db, dir);
db.close();
process.stdout.write(`Đã sao lưu cơ sở dữ liệu vào ${file}\n`);

import { randomBytes } from 'node:crypto';
import type { AppointmentRule } from '@shared/schemas/appointment';
import type { Role } from '@shared/schemas/auth';
import { DEFAULT_RULE } from './domain/appointment-slots';
import { hashPassword } from './passwords';
import { DEFAULT_SETTINGS } from './repositories/settings-repository';
import { readCatalogFile, SEED_CATALOG_FILE } from './services/catalog-service';
import { seedDemoDossiers } from './services/dossier-demo';
import type { Hub } from './services/hub';

/** What the demo seed created. */
export interface SeedReport {
  usernames: string[];
  /** The generated password, to print once; null when it was given in DEMO_PASSWORD (never echoed). */
  password: string | null;
}

/** A typical commune/ward centre after 7/2025 (domain.md §2): services by field, counters by agency. */
const SERVICES = [
  { code: 'HT', prefix: 'A', name_vi: 'Hộ tịch', name_en: 'Civil status', group_vi: 'Tư pháp', group_en: 'Justice', icon: 'family' },
  { code: 'CT', prefix: 'B', name_vi: 'Chứng thực', name_en: 'Certification', group_vi: 'Tư pháp', group_en: 'Justice', icon: 'stamp' },
  { code: 'KT', prefix: 'C', name_vi: 'Kinh tế – Hạ tầng – Đô thị', name_en: 'Economy, infrastructure, urban', group_vi: 'Kinh tế – Hạ tầng – Đô thị', group_en: 'Economy & infrastructure', icon: 'shop' },
  { code: 'DD', prefix: 'D', name_vi: 'Đất đai', name_en: 'Land', group_vi: 'Đất đai', group_en: 'Land', icon: 'land' },
  { code: 'VX', prefix: 'E', name_vi: 'Văn hóa – Xã hội', name_en: 'Culture and social affairs', group_vi: 'Văn hóa – Xã hội', group_en: 'Culture & social', icon: 'heart' },
  { code: 'CA', prefix: 'F', name_vi: 'Cư trú', name_en: 'Residence', group_vi: 'Công an', group_en: 'Police', icon: 'home' },
  { code: 'TKQ', prefix: 'G', name_vi: 'Trả kết quả', name_en: 'Collect results', group_vi: 'Trả kết quả', group_en: 'Results', icon: 'result' },
];

/** The demo office's booking rule of every service (always open, so the demo and checks work whenever they run). */
export const DEMO_APPOINTMENT_RULE: AppointmentRule = {
  ...DEFAULT_RULE,
  enabled: true,
  slotMinutes: 30,
  places: 2,
  daysAhead: 14,
  sessions: [{ start: '00:00', end: '24:00' }],
  leadMinutes: 0,
  skipHolidays: false,
};

/** Counter number, name, area, and [service code, weight] (higher weight called first). */
const COUNTERS: [number, string, string, [string, number][]][] = [
  [1, 'Tư pháp – Hộ tịch', 'Tầng 1', [['HT', 2], ['CT', 1]]],
  [2, 'Tư pháp – Chứng thực', 'Tầng 1', [['CT', 2], ['HT', 1]]],
  [3, 'Kinh tế – Hạ tầng – Đô thị', 'Tầng 1', [['KT', 1]]],
  [4, 'Văn phòng đăng ký đất đai', 'Tầng 1', [['DD', 1]]],
  [5, 'Văn hóa – Xã hội', 'Tầng 1', [['VX', 2], ['TKQ', 1]]],
  [6, 'Công an – Cư trú', 'Tầng 1', [['CA', 1]]],
];

const USERS: [string, string, Role][] = [
  ['admin', 'Quản trị hệ thống', 'admin'],
  ['giamsat', 'Trần Thị Giám Sát', 'supervisor'],
  ['canbo1', 'Nguyễn Văn An', 'staff'],
  ['canbo2', 'Lê Thị Bình', 'staff'],
  ['canbo3', 'Phạm Minh Cường', 'staff'],
  ['canbo4', 'Hoàng Thu Dung', 'staff'],
];

/** Services and counters of a typical commune centre: the starting point of a new office too. */
function seedQueueLines(hub: Hub): void {
  const { repos } = hub;
  const ids = new Map<string, number>();
  SERVICES.forEach((s, i) => {
    ids.set(s.code, repos.catalog.insertService({ ...s, start_number: 1, end_number: 999, daily_max: 999, active: 1, display_order: i + 1 }));
  });
  for (const [number, name, area, links] of COUNTERS) {
    const counterId = repos.catalog.insertCounter({ number, name, area });
    for (const [code, weight] of links) repos.catalog.linkService(counterId, ids.get(code) as number, weight);
  }
}

/**
 * Seeds the demo office into an empty database. The demo is open for tickets at any hour on any day, and in open
 * LAN mode, so a newcomer can walk the whole loop; a real office sets its issuing windows and pairs its devices.
 */
export async function seedDemoOffice(hub: Hub, password?: string): Promise<SeedReport> {
  const pass = password ?? randomBytes(6).toString('base64url');
  // One hash per account: each gets its own random salt, so equal passwords do not show as equal hashes.
  const hashes = await Promise.all(USERS.map(() => hashPassword(pass)));
  const { repos, ctx } = hub;
  ctx.db.transaction(() => {
    hub.queue.saveSettings({
      ...DEFAULT_SETTINGS,
      name: 'Trung tâm Phục vụ hành chính công phường Hòa Bình',
      address: 'Số 1 đường Độc Lập, phường Hòa Bình',
      workingDays: [0, 1, 2, 3, 4, 5, 6],
      issueWindows: [{ start: '00:00', end: '24:00' }],
      openLan: true,
      showStaffNames: true,
    });
    seedQueueLines(hub);
    // Bookings for every service at any hour of any day, like the demo's issuing window: 30-minute slots of 2 places.
    for (const svc of repos.catalog.services()) repos.appointments.putRule(svc.id, DEMO_APPOINTMENT_RULE);
    hub.catalog.load(readCatalogFile(SEED_CATALOG_FILE));
    USERS.forEach(([username, full_name, role], i) => {
      // A generated password was printed on a console: everyone must choose their own at first sign-in.
      repos.users.insert({ username, full_name, role, password_hash: hashes[i] as string, must_change_password: password === undefined ? 1 : 0, created_at: ctx.now() });
    });
  })();
  seedDemoDossiers(hub, (repos.users.byUsername('canbo1') as { id: number }).id);
  return { usernames: USERS.map((u) => u[0]), password: password === undefined ? pass : null };
}

/**
 * First run of a real office (`npm run setup`): its name, one admin account, the usual services and counters, and
 * pairing required for every kiosk and display. Refuses a database that already has accounts.
 */
export async function setupOffice(hub: Hub, office: { name: string; address: string; adminPassword: string; adminName: string }): Promise<void> {
  if (hub.repos.users.count() > 0) throw new Error('Cơ sở dữ liệu đã có tài khoản: không thể thiết lập lại.');
  const hash = await hashPassword(office.adminPassword);
  hub.ctx.db.transaction(() => {
    hub.queue.saveSettings({ ...DEFAULT_SETTINGS, name: office.name, address: office.address, openLan: false });
    seedQueueLines(hub);
    hub.catalog.load(readCatalogFile(SEED_CATALOG_FILE));
    hub.repos.users.insert({ username: 'admin', full_name: office.adminName, role: 'admin', password_hash: hash, must_change_password: 0, created_at: hub.ctx.now() });
  })();
}

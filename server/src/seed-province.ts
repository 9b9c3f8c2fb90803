import { randomBytes } from 'node:crypto';
import type { Role } from '@shared/schemas/auth';
import type { DayFacts } from '@shared/schemas/province-facts';
import { hashPassword } from './passwords';
import { DEFAULT_SETTINGS } from './repositories/settings-repository';
import type { SeedReport } from './seed';
import { readCatalogFile, SEED_CATALOG_FILE } from './services/catalog-service';
import type { Hub } from './services/hub';

const USERS: [string, string, Role][] = [
  ['admin', 'Quản trị hệ thống tỉnh', 'admin'],
  ['giamsat', 'Trần Thị Giám Sát', 'supervisor'],
];

/** The demo province's offices (unit identifiers in the national format) and the services their figures cover. */
const OFFICES: [string, string][] = [
  ['000.00.31.H26', 'Trung tâm Phục vụ hành chính công tỉnh'],
  ['000.31.26.H26', 'Trung tâm Phục vụ hành chính công phường Hòa Bình'],
  ['000.32.26.H26', 'Trung tâm Phục vụ hành chính công xã Tân Lập'],
];
const SERVICES: [string, string][] = [
  ['HT', 'Hộ tịch'],
  ['CT', 'Chứng thực'],
  ['DD', 'Đất đai'],
];

const FIELDS: [string, string][] = [
  ['HT', 'Hộ tịch'],
  ['CT', 'Chứng thực'],
  ['DD', 'Đất đai'],
];
const LEVELS = ['very_satisfied', 'satisfied', 'unsatisfied'] as const;

/** Deterministic, plausible facts of one office's day: bigger offices first, fewer on weekends; staff by username. */
function demoDay(day: string, d: number, o: number): DayFacts {
  const weekend = [0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay());
  const scale = weekend ? 4 : 1;
  const queue = (tickets: number, s: number) => {
    const served = Math.round(tickets * 0.93);
    return { tickets, served, noShow: tickets - served, waitSeconds: served * (300 + s * 120 + o * 150), waited: served, serveSeconds: served * 540 };
  };
  const services = SERVICES.map(([serviceCode, serviceName], s) => ({ serviceCode, serviceName, ...queue(Math.round(((3 - o) * 40 + ((d * 7 + s * 13) % 23)) / (s + 1) / scale), s) }));
  const all = services.reduce((a, x) => a + x.tickets, 0);
  const half = Math.ceil(all / 2);
  const fields = FIELDS.map(([fieldCode, fieldName], f) => {
    const received = Math.round(((3 - o) * 6 + ((d * 5 + f * 3) % 7)) / (f + 1) / scale);
    const late = (d + f + o) % 5 === 0 ? 1 : 0;
    return {
      fieldCode,
      fieldName,
      received,
      receivedOnline: Math.floor(received / 3),
      receivedInPerson: received - Math.floor(received / 3),
      resolvedEarly: Math.floor(received / 2),
      resolvedOnTime: Math.ceil(received / 3),
      resolvedLate: late,
      returned: Math.floor(received / 2),
      refused: f === 2 && d % 4 === 0 ? 1 : 0,
      withdrawn: 0,
      inProgressOnTime: 8 - f * 2 + o,
      inProgressOverdue: f === 2 ? 1 + ((d + o) % 2) : 0,
    };
  });
  const ratings = LEVELS.map((level, l) => ({ staff: l === 2 ? 'canbo2' : 'canbo1', level, count: Math.max(0, Math.round((all * [0.3, 0.25, 0.04][l]!) / (1 + o * 0.2))) })).filter((r) => r.count > 0);
  return {
    day,
    services,
    counters: [{ counter: 'Quầy 1', ...queue(half, 0) }, { counter: 'Quầy 2', ...queue(all - half, 1) }],
    staff: [{ staff: 'canbo1', ...queue(half, 0) }, { staff: 'canbo2', ...queue(all - half, 1) }],
    fields,
    ratings,
  };
}

/**
 * Seeds the demo province into an empty database: its two accounts, its offices (not enrolled: their tokens are
 * not kept), the shipped procedure catalog (not yet published), and 60 days of facts for each (queue, dossiers,
 * ratings), as if the offices had sent them, so the board and the reports (with their previous period) show data.
 */
export async function seedDemoProvince(hub: Hub, password?: string): Promise<SeedReport> {
  const pass = password ?? randomBytes(6).toString('base64url');
  const hashes = await Promise.all(USERS.map(() => hashPassword(pass)));
  const { repos, ctx } = hub;
  const now = ctx.now();
  ctx.db.transaction(() => {
    hub.queue.saveSettings({ ...DEFAULT_SETTINGS, name: 'Hệ thống một cửa tỉnh (bản mẫu)', address: 'Văn phòng UBND tỉnh' });
    USERS.forEach(([username, full_name, role], i) => {
      repos.users.insert({ username, full_name, role, password_hash: hashes[i] as string, must_change_password: password === undefined ? 1 : 0, created_at: now });
    });
    // The catalog the province edits and publishes: the one shipped with motcua. Which queue service serves a
    // procedure is each office's choice, so the province's catalog names none.
    const catalog = readCatalogFile(SEED_CATALOG_FILE);
    hub.catalog.load({ ...catalog, procedures: catalog.procedures.map((p) => ({ ...p, serviceCode: '' })) });
    OFFICES.forEach(([code, name], o) => {
      const id = repos.province.insert({ code, name, tokenHash: randomBytes(24).toString('base64url'), expiresAt: now, at: now });
      // 60 days: the report's default view (the last 30 days) and its previous period both have figures.
      for (let d = 60; d >= 1; d--) {
        const day = new Date(now - d * 86_400_000).toISOString().slice(0, 10);
        repos.provinceFacts.applyDay(id, 61 - d, demoDay(day, d, o));
      }
    });
  })();
  return { usernames: USERS.map((u) => u[0]), password: password === undefined ? pass : null };
}

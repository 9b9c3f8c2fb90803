import { randomBytes } from 'node:crypto';
import type { Role } from '@shared/schemas/auth';
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

/**
 * Seeds the demo province into an empty database: its two accounts, its offices (not enrolled: their tokens are
 * not kept), the shipped procedure catalog (not yet published), and 14 days of figures for each, as if the offices
 * had sent them, so the board and reports show data.
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
      let seq = 0;
      for (let d = 14; d >= 1; d--) {
        const day = new Date(now - d * 86_400_000).toISOString().slice(0, 10);
        SERVICES.forEach(([serviceCode, serviceName], s) => {
          // Deterministic, plausible figures: bigger offices first, fewer on weekends.
          const weekend = [0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay());
          const tickets = Math.round(((3 - o) * 40 + ((d * 7 + s * 13) % 23)) / (s + 1) / (weekend ? 4 : 1));
          const served = Math.round(tickets * 0.93);
          const data = { day, serviceCode, serviceName, tickets, served, noShow: tickets - served, waitSeconds: served * (300 + s * 120 + o * 150), waited: served, serveSeconds: served * 540 };
          seq += 1;
          repos.province.record(id, seq, 'day_figures', data, now);
          repos.province.dayFigures(id, seq, data);
        });
      }
    });
  })();
  return { usernames: USERS.map((u) => u[0]), password: password === undefined ? pass : null };
}

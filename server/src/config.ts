import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { DeliveryTiming } from './outbox/dispatcher';

const EnvSchema = Type.Object({
  HUB_ROLE: Type.Union([Type.Literal('office'), Type.Literal('province')], { default: 'office' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
  HOST: Type.String({ default: '0.0.0.0' }),
  DB_FILE: Type.String({ default: './data/motcua.db' }),
  STATIC_DIR: Type.String({ default: './dist' }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  DEMO_PASSWORD: Type.Optional(Type.String({ minLength: 4 })),
  SEED_DEMO: Type.Boolean({ default: true }),
  TICKET_RATE_LIMIT: Type.Integer({ minimum: 0, default: 120 }),
  APPOINTMENT_RATE_LIMIT: Type.Integer({ minimum: 0, default: 20 }),
  BACKUP_DIR: Type.String({ default: './data/backups' }),
  BACKUP_EVERY_HOURS: Type.Number({ minimum: 0, maximum: 720, default: 6 }),
  BACKUP_KEEP: Type.Integer({ minimum: 1, maximum: 1000, default: 28 }),
  CATALOG_FILES_DIR: Type.Optional(Type.String()),
  PRINTER: Type.String({ default: 'file:./data/prints' }),
  PRINT_RETRY_MS: Type.Integer({ minimum: 10, maximum: 600_000, default: 2000 }),
  PRINTER_POLL_SECONDS: Type.Number({ minimum: 0, maximum: 3600, default: 15 }),
  PRINTER_TIMEOUT_MS: Type.Integer({ minimum: 50, maximum: 60_000, default: 3000 }),
  REQUEST_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 30_000 }),
  MAX_CONNECTIONS_PER_ADDRESS: Type.Integer({ minimum: 0, maximum: 100_000, default: 500 }),
  PUBLIC_PORT: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
  PUBLIC_HOST: Type.String({ default: '127.0.0.1' }),
  PUBLIC_TRUSTED_PROXIES: Type.String({ default: 'loopback' }),
  PUBLIC_RATE_LIMIT: Type.Integer({ minimum: 1, maximum: 100_000, default: 300 }),
  WEBHOOK_RETRY_BASE_MS: Type.Integer({ minimum: 10, maximum: 30_000, default: 10_000 }),
  WEBHOOK_RETRY_MAX_MS: Type.Integer({ minimum: 10, maximum: 86_400_000, default: 3_600_000 }),
  WEBHOOK_GIVE_UP_MS: Type.Integer({ minimum: 100, maximum: 7 * 86_400_000, default: 86_400_000 }),
  WEBHOOK_TIMEOUT_MS: Type.Integer({ minimum: 50, maximum: 60_000, default: 10_000 }),
  WEBHOOK_POLL_MS: Type.Integer({ minimum: 10, maximum: 10_000, default: 2000 }),
  PROVINCE_HEARTBEAT_MS: Type.Integer({ minimum: 100, maximum: 3_600_000, default: 30_000 }),
  API_KEY_RATE_LIMIT: Type.Integer({ minimum: 0, maximum: 100_000, default: 600 }),
  APPOINTMENT_REMINDER_HOUR: Type.Integer({ minimum: 0, maximum: 23, default: 17 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
});
type Env = Static<typeof EnvSchema>;

/** Server configuration. The only reader of process.env. */
export interface Config {
  /** `office`: an office's hub (queue, kiosks, counters); `province`: the province's hub rolling its offices up. */
  role: 'office' | 'province';
  port: number;
  host: string;
  dbFile: string;
  staticDir: string;
  /** Base of absolute links printed on tickets (tracking QR); the LAN address when unset. */
  publicUrl: string;
  demoPassword: string | undefined;
  seedDemo: boolean;
  /** Tickets one kiosk may issue per minute (0: no limit). */
  ticketRateLimit: number;
  /** Bookings one address may make per hour (0: no limit). */
  appointmentRateLimit: number;
  /** Where scheduled and on-demand backups go. */
  backupDir: string;
  /** Hours between scheduled backups (0: no schedule). */
  backupEveryHours: number;
  /** Scheduled backups kept. */
  backupKeep: number;
  logLevel: string;
  /** Where form templates (mẫu đơn) attached to procedures are kept; default: catalog-files next to the database. */
  catalogFilesDir?: string;
  /** Ticket printing; absent (as in most tests): no default printer, timings as below. */
  printing?: PrintingConfig;
  /** Slow and abusive connections; absent: DEFAULT_LIMITS. */
  limits?: ConnectionLimits;
  /** The public door for citizens from the internet (PUBLIC_PORT); absent: not opened. */
  publicDoor?: PublicDoorConfig;
  /** Webhook delivery timing; absent or partial: DEFAULT_TIMING (outbox/dispatcher.ts). */
  webhooks?: Partial<DeliveryTiming>;
  /** Requests one API key may make per minute (0: no limit); absent: 600. */
  apiKeyRateLimit?: number;
  /** An office linked to its province sends a heartbeat this often; absent: 30 s. */
  provinceHeartbeatMs?: number;
  /** The hub's maintenance tick (day reset, retention, missed bookings, reminders, scheduled catalog); absent: 30 s (tests shorten it). */
  maintenanceTickMs?: number;
  /** Local hour of the day before a booking from which its reminder is sent; absent: 17. */
  reminderHour?: number;
}

/** The public door: its listener, the TLS proxies in front of it, and each citizen address's request budget. */
export interface PublicDoorConfig {
  port: number;
  host: string;
  /** Addresses (or `loopback`, CIDR ranges) of the reverse proxies whose X-Forwarded-For is believed. */
  trustedProxies: string[];
  /** Requests one citizen address may make per minute through the door. */
  ratePerMinute: number;
}

/** Limits that keep one misbehaving host from starving the others. */
export interface ConnectionLimits {
  /** A request (head and body) must arrive whole within this time, else 408 and the connection is closed. */
  requestTimeoutMs: number;
  /** Open TCP connections one client address may hold (0: no cap); more are closed as they arrive. */
  maxConnectionsPerAddress: number;
}

/**
 * Defaults: a body of at most 64 KB has 30 s to arrive (a trickled one is cut), and one address holds at most 500
 * connections (a browser uses about 7; a guest Wi-Fi behind one address still fits dozens of phones).
 */
export const DEFAULT_LIMITS: ConnectionLimits = { requestTimeoutMs: 30_000, maxConnectionsPerAddress: 500 };

/** Ticket printing settings. */
export interface PrintingConfig {
  /** Default printer for kiosks without their own (`tcp://host:port`, `printer:name`, `file:dir`); null: none. */
  defaultPrinter: string | null;
  /** First retry delay of a failed job; doubles per attempt up to 30 times this. */
  retryBaseMs: number;
  /** Health check period of each printer (0: only when printing). */
  pollMs: number;
  /** Connection/answer timeout of one printer exchange. */
  timeoutMs: number;
}

function lanAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

/** Reads and validates the environment; throws with the offending variable's name when invalid. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  const converted = Value.Convert(EnvSchema, Value.Default(EnvSchema, raw));
  if (!Value.Check(EnvSchema, converted)) {
    const first = Value.Errors(EnvSchema, converted).First();
    throw new Error(`Invalid environment variable ${first?.path.slice(1) ?? ''}: ${first?.message ?? 'invalid'}`);
  }
  const e = converted as Env;
  return {
    role: e.HUB_ROLE,
    port: e.PORT,
    host: e.HOST,
    dbFile: e.DB_FILE === ':memory:' ? e.DB_FILE : resolve(e.DB_FILE),
    staticDir: resolve(e.STATIC_DIR),
    publicUrl: (e.PUBLIC_URL ?? `http://${lanAddress()}:${e.PORT}`).replace(/\/$/, ''),
    demoPassword: e.DEMO_PASSWORD,
    seedDemo: e.SEED_DEMO,
    ticketRateLimit: e.TICKET_RATE_LIMIT,
    appointmentRateLimit: e.APPOINTMENT_RATE_LIMIT,
    backupDir: resolve(e.BACKUP_DIR),
    backupEveryHours: e.BACKUP_EVERY_HOURS,
    backupKeep: e.BACKUP_KEEP,
    logLevel: e.LOG_LEVEL,
    ...(e.CATALOG_FILES_DIR ? { catalogFilesDir: resolve(e.CATALOG_FILES_DIR) } : {}),
    limits: { requestTimeoutMs: e.REQUEST_TIMEOUT_MS, maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS },
    ...(e.PUBLIC_PORT === undefined
      ? {}
      : {
          publicDoor: {
            port: e.PUBLIC_PORT,
            host: e.PUBLIC_HOST,
            trustedProxies: e.PUBLIC_TRUSTED_PROXIES.split(',').map((s) => s.trim()).filter((s) => s !== ''),
            ratePerMinute: e.PUBLIC_RATE_LIMIT,
          },
        }),
    webhooks: {
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
      retryMaxMs: e.WEBHOOK_RETRY_MAX_MS,
      giveUpAfterMs: e.WEBHOOK_GIVE_UP_MS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      pollMs: e.WEBHOOK_POLL_MS,
    },
    apiKeyRateLimit: e.API_KEY_RATE_LIMIT,
    provinceHeartbeatMs: e.PROVINCE_HEARTBEAT_MS,
    reminderHour: e.APPOINTMENT_REMINDER_HOUR,
    printing: {
      defaultPrinter: e.PRINTER === 'none' ? null : e.PRINTER,
      retryBaseMs: e.PRINT_RETRY_MS,
      pollMs: e.PRINTER_POLL_SECONDS * 1000,
      timeoutMs: e.PRINTER_TIMEOUT_MS,
    },
  };
}

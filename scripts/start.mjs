#!/usr/bin/env node
// `npm start`: builds the screens when the sources are newer than dist/, then runs the hub.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const STAMP = 'dist/.build-stamp';
const SOURCES = ['index.html', 'vite.config.ts', 'package-lock.json', 'shared', 'ui', 'kiosk', 'display', 'counter'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) if (entry !== 'node_modules') max = Math.max(max, newest(join(path, entry)));
  return max;
}

// Settings from .env (see .env.example), inherited by the hub process.
if (existsSync('.env')) process.loadEnvFile('.env');

const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
if (built < Math.max(...SOURCES.map(newest))) {
  process.stdout.write('Đang build giao diện (vite build)…\n');
  const { build } = await import('vite');
  await build({ logLevel: 'warn' });
  writeFileSync(STAMP, new Date().toISOString());
}

const tsx = require.resolve('tsx/cli');
const child = spawn(process.execPath, [tsx, '--tsconfig', 'server/tsconfig.json', 'server/src/server.ts'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

#!/usr/bin/env node
// `npm run dev`: the hub with reload on change (tsx watch) plus Vite's dev server with hot reload,
// proxying /api and /socket.io to the hub. Open http://localhost:5173/kiosk/ (or /display/, /counter/).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
if (existsSync('.env')) process.loadEnvFile('.env');

const hub = spawn(process.execPath, [require.resolve('tsx/cli'), 'watch', '--tsconfig', 'server/tsconfig.json', 'server/src/server.ts'], {
  stdio: 'inherit',
});
const { createServer } = await import('vite');
const vite = await createServer();
await vite.listen();
vite.printUrls();
const stop = async () => {
  hub.kill('SIGTERM');
  await vite.close();
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop());
hub.on('exit', (code) => {
  void vite.close();
  process.exitCode = code ?? 0;
});

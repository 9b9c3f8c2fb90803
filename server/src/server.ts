import { buildApp } from './app';
import { loadConfig } from './config';

/** Process concerns only: config, listen, print the screens' addresses, graceful close. */
async function main(): Promise<void> {
  // Whatever the hub writes (database, backups, uploads, printed tickets) is for its own user only (Luật 91/2025/QH15).
  process.umask(0o077);
  const config = loadConfig();
  const app = await buildApp({ config });
  await app.listen({ port: config.port, host: config.host });
  const door = config.publicDoor ? await app.listenPublicDoor(config.publicDoor) : null;
  const base = config.publicUrl;
  const screens =
    config.role === 'province'
      ? [`  Trang của tỉnh:      ${base}/counter/   (cán bộ tỉnh đăng nhập)`]
      : [`  Kiosk lấy số:        ${base}/kiosk/`, `  Màn hình hiển thị:   ${base}/display/`, `  Quầy cán bộ:         ${base}/counter/`];
  const lines = [
    '',
    `  motcua đang chạy — ${app.hub.queue.settings().name}`,
    ...screens,
    `  API (OpenAPI):       ${base}/api/openapi.json`,
    `  Trên máy này:        http://localhost:${config.port}/`,
    ...(door ? [`  Cổng công dân:       ${door}/kiosk/phone/ (chỉ trang công dân; đặt sau proxy TLS)`] : []),
    `  Dữ liệu:             ${config.dbFile}`,
  ];
  if (app.seedReport) {
    lines.push(
      '',
      `  Dữ liệu mẫu đã được tạo. Tài khoản: ${app.seedReport.usernames.join(', ')}`,
      // A password the operator chose (DEMO_PASSWORD) is never echoed: consoles end up in logs and journals.
      app.seedReport.password === null ? '  Mật khẩu chung: giá trị DEMO_PASSWORD đã đặt' : `  Mật khẩu chung: ${app.seedReport.password}   (chỉ in một lần — hãy ghi lại)`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'closing');
      app.close().then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error({ err }, 'close failed');
          process.exit(1);
        },
      );
    });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`motcua failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

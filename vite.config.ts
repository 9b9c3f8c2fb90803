import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const alias = { '@shared': here('./shared'), '@ui': here('./ui') };
const hubPort = Number(process.env.PORT ?? 8080);

export default defineConfig({
  plugins: [vue()],
  resolve: { alias },
  build: {
    outDir: 'dist',
    // dist/.vite/manifest.json: which files each page loads (the public door serves only the phone pages' ones).
    manifest: true,
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: here('./index.html'),
        kiosk: here('./kiosk/index.html'),
        // Citizen pages on phones (procedure listing; ticket and dossier tracking): /kiosk/phone/.
        phone: here('./kiosk/phone/index.html'),
        // The rating tablet at a counter: /kiosk/rating/.
        rating: here('./kiosk/rating/index.html'),
        display: here('./display/index.html'),
        counter: here('./counter/index.html'),
      },
    },
  },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${hubPort}`,
      '/socket.io': { target: `ws://127.0.0.1:${hubPort}`, ws: true },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: ['shared/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['server/test/**/*.test.ts'],
          exclude: ['server/test/e2e/**'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          include: ['ui/**/*.test.ts', 'kiosk/**/*.test.ts', 'display/**/*.test.ts', 'counter/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['server/test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** A free TCP port on loopback (bound then released). */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** The real hub (`server/src/server.ts`) run as a child process, exactly as `npm start` runs it, on a given DB file and port. */
export class HubProcess {
  private child: ChildProcess | undefined;
  readonly url: string;
  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
    /** Extra Node options (e.g. `--cpu-prof`), before the tsx loader. */
    private readonly nodeArgs: string[] = [],
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** The hub's process id (undefined before `start`). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the hub and waits until `/api/health` answers. */
  async start(timeoutMs = 30_000): Promise<void> {
    // One process (node + the tsx loader), not the tsx CLI, which would leave its server child running after a SIGKILL.
    const child = spawn(process.execPath, [...this.nodeArgs, '--import', 'tsx', resolve('server/src/server.ts')], {
      env: { ...process.env, TSX_TSCONFIG_PATH: resolve('server/tsconfig.json'), PORT: String(this.port), HOST: '127.0.0.1', PUBLIC_URL: this.url, LOG_LEVEL: 'silent', BACKUP_EVERY_HOURS: '0', TICKET_RATE_LIMIT: '0', ...this.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    this.child = child;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`hub exited with ${child.exitCode}: ${stderr}`);
      try {
        const res = await fetch(`${this.url}/api/health`);
        if (res.ok) return;
      } catch {
        // Not listening yet: poll again.
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`hub did not start within ${timeoutMs} ms: ${stderr}`);
  }

  /** kill -9: no graceful close, no flush beyond what SQLite already made durable. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    await this.waitPortFree();
  }

  /** Graceful stop (SIGTERM), as an operator would. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    await this.waitPortFree();
  }

  private async waitPortFree(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      try {
        await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(200) });
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the killed hub still answers');
  }
}

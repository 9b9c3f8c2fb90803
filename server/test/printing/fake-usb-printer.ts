import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { FakePrinter } from './fake-printer';

/**
 * A pseudo-terminal in raw mode bridged to a fake network printer: a real character device, like Linux usblp's
 * /dev/usb/lp0, that passes what the hub writes to the printer and the printer's DLE EOT answers back on read.
 * Node cannot open a pty itself (grantpt/unlockpt are ioctls): a few lines of Python do, and hold the device open.
 */
const BRIDGE = `
import os, pty, select, socket, sys, tty
master, slave = pty.openpty()
tty.setraw(slave)
printer = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
print(os.ttyname(slave), flush=True)
while True:
    ready = select.select([master, printer, 0], [], [])[0]
    if master in ready:
        printer.sendall(os.read(master, 65536))
    if printer in ready:
        data = printer.recv(65536)
        if not data:
            break
        os.write(master, data)
    if 0 in ready and not os.read(0, 1):
        break
`;

/** Whether this machine can run the bridge (python3 with pty: Linux, macOS). */
export const canBridgeUsb = spawnSync('python3', ['-c', 'import pty, tty'], { stdio: 'ignore' }).status === 0;

/** Opens the device; resolves with its path (/dev/pts/N) once it is ready, and a close function. */
export async function startFakeUsbPrinter(printer: FakePrinter): Promise<{ path: string; close: () => void }> {
  const child: ChildProcess = spawn('python3', ['-c', BRIDGE, String(printer.port)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const path = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the USB bridge did not start')), 5000);
    child.once('error', reject);
    createInterface({ input: child.stdout! }).once('line', (line) => (clearTimeout(timer), resolve(line.trim())));
  });
  return {
    path,
    close: () => {
      child.stdin?.end();
      child.kill();
    },
  };
}

import type { PaperWidth, PrinterType } from '@shared/schemas/printer';
import type { Db } from '../db';

/** A printers row (joined with its device's name). */
export interface PrinterRow {
  id: number;
  name: string;
  device_id: number | null;
  device_name: string | null;
  type: PrinterType;
  address: string;
  paper_width: PaperWidth;
  enabled: 0 | 1;
  /** Draw the QR code into the image (firmware without `GS ( k`). */
  qr_raster: 0 | 1;
  from_env: 0 | 1;
  updated_at: number;
}

/** Columns an admin edits. */
export type PrinterFields = Pick<PrinterRow, 'name' | 'device_id' | 'type' | 'address' | 'paper_width' | 'enabled' | 'qr_raster'>;

const SELECT = 'SELECT p.*, d.name AS device_name FROM printers p LEFT JOIN devices d ON d.id = p.device_id';

/** SQL for ticket printers. */
export function printersRepository(db: Db) {
  const s = {
    list: db.prepare<[], PrinterRow>(`${SELECT} ORDER BY p.from_env DESC, p.name`),
    byId: db.prepare<[number], PrinterRow>(`${SELECT} WHERE p.id = ?`),
    byDevice: db.prepare<[number], PrinterRow>(`${SELECT} WHERE p.device_id = ?`),
    env: db.prepare<[], PrinterRow>(`${SELECT} WHERE p.from_env = 1`),
    insert: db.prepare(
      'INSERT INTO printers (name, device_id, type, address, paper_width, enabled, qr_raster, from_env, updated_at) VALUES (@name, @device_id, @type, @address, @paper_width, @enabled, @qr_raster, @from_env, @updated_at)',
    ),
    update: db.prepare(
      'UPDATE printers SET name = @name, device_id = @device_id, type = @type, address = @address, paper_width = @paper_width, enabled = @enabled, qr_raster = @qr_raster, updated_at = @updated_at WHERE id = @id',
    ),
    envAddress: db.prepare<[string, number, number]>('UPDATE printers SET address = ?, paper_width = ?, updated_at = ? WHERE from_env = 1'),
    remove: db.prepare<[number]>('DELETE FROM printers WHERE id = ? AND from_env = 0'),
  };
  return {
    list: (): PrinterRow[] => s.list.all(),
    byId: (id: number): PrinterRow | undefined => s.byId.get(id),
    byDevice: (deviceId: number): PrinterRow | undefined => s.byDevice.get(deviceId),
    fromEnv: (): PrinterRow | undefined => s.env.get(),
    insert: (row: PrinterFields & { from_env: 0 | 1; updated_at: number }): number => Number(s.insert.run(row).lastInsertRowid),
    update: (id: number, row: PrinterFields & { updated_at: number }): void => {
      s.update.run({ ...row, id });
    },
    /** The default printer's address and paper width, as the PRINTER variable says. */
    setEnvAddress: (address: string, paperWidth: PaperWidth, at: number): void => {
      s.envAddress.run(address, paperWidth, at);
    },
    remove: (id: number): boolean => s.remove.run(id).changes === 1,
  };
}

export type PrintersRepository = ReturnType<typeof printersRepository>;

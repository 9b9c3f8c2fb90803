import type { Db } from '../db';
import type { TicketRow } from './tickets-repository';

/** A notification_sends row. */
export interface SendRow {
  id: number;
  event_seq: number;
  channel: 'sms' | 'zns';
  kind: string;
  target: string;
  phone: string;
  status: 'sent' | 'failed';
  code: number | null;
  error: string | null;
  at: number;
}

/** SQL for citizens' phone numbers given for a ticket, and the log of messages sent. */
export function notificationsRepository(db: Db) {
  const s = {
    setContact: db.prepare<[number, string, number]>(
      'INSERT INTO ticket_contacts (ticket_id, phone, created_at) VALUES (?, ?, ?) ON CONFLICT (ticket_id) DO UPDATE SET phone = excluded.phone',
    ),
    contact: db.prepare<[number], { phone: string }>('SELECT phone FROM ticket_contacts WHERE ticket_id = ?'),
    waitingWithContact: db.prepare<[string], TicketRow & { phone: string }>(
      "SELECT t.*, c.phone FROM tickets t JOIN ticket_contacts c ON c.ticket_id = t.id WHERE t.queue_day = ? AND t.status = 'waiting'",
    ),
    sent: db.prepare<[string, string, number], { n: number }>("SELECT count(*) AS n FROM notification_sends WHERE kind = ? AND target = ? AND event_seq = ? AND status = 'sent'"),
    record: db.prepare(
      `INSERT INTO notification_sends (event_seq, channel, kind, target, phone, status, code, error, at)
       VALUES (@event_seq, @channel, @kind, @target, @phone, @status, @code, @error, @at)
       ON CONFLICT (channel, kind, target, event_seq) DO UPDATE SET status = excluded.status, code = excluded.code, error = excluded.error, at = excluded.at`,
    ),
    recent: db.prepare<[number], SendRow>('SELECT * FROM notification_sends ORDER BY at DESC, id DESC LIMIT ?'),
    dropContacts: db.prepare<[string]>('DELETE FROM ticket_contacts WHERE ticket_id IN (SELECT id FROM tickets WHERE business_day < ?)'),
    dropContactsOf: db.prepare<[string]>('DELETE FROM ticket_contacts WHERE ticket_id IN (SELECT value FROM json_each(?))'),
    erasePhonesOf: db.prepare<[string]>("UPDATE notification_sends SET phone = '***' WHERE target IN (SELECT value FROM json_each(?)) AND phone <> '***'"),
    maskPhones: db.prepare<[number]>("UPDATE notification_sends SET phone = '***' || substr(phone, -3) WHERE at < ? AND phone NOT LIKE '***%'"),
  };
  return {
    setContact: (ticketId: number, phone: string, at: number) => void s.setContact.run(ticketId, phone, at),
    contact: (ticketId: number): string | undefined => s.contact.get(ticketId)?.phone,
    waitingWithContact: (queueDay: string) => s.waitingWithContact.all(queueDay),
    /** Whether this message (kind, target, event) already went out through any channel. */
    wasSent: (kind: string, target: string, eventSeq: number): boolean => (s.sent.get(kind, target, eventSeq)?.n ?? 0) > 0,
    record: (row: Omit<SendRow, 'id'>) => void s.record.run(row),
    recent: (limit: number) => s.recent.all(limit),
    /** Retention: phones given for tickets of days before `day` (their tickets are closed), and the log's phones before `before`. */
    forget: (day: string, before: number): number => s.dropContacts.run(day).changes + s.maskPhones.run(before).changes,
    /**
     * A citizen's erasure: the phones given for `ticketIds` deleted, and the message log's phones of `targets`
     * ('ticket:<id>', 'dossier:<id>', 'appointment:<id>') blanked to '***' (not even the last digits); returns the rows changed.
     */
    eraseFor: (ticketIds: readonly number[], targets: readonly string[]): number =>
      s.dropContactsOf.run(JSON.stringify(ticketIds)).changes + s.erasePhonesOf.run(JSON.stringify(targets)).changes,
  };
}

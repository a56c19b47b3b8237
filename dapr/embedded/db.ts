/**
 * One SQLite database (WAL) holds everything the embedded runtime must not lose: state, actor
 * state, reminders, the pub/sub outbox and dead letters. A single file makes "state change + event"
 * one transaction.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS state (
  store TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, etag TEXT NOT NULL,
  expires_at INTEGER, PRIMARY KEY (store, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actor_state (
  type TEXT NOT NULL, id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (type, id, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actor_reminders (
  type TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, due_at INTEGER NOT NULL,
  period_ms INTEGER, data TEXT, generation INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (type, id, name)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS actor_reminders_due ON actor_reminders (due_at);
CREATE TABLE IF NOT EXISTS pubsub_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, pubsub TEXT NOT NULL, topic TEXT NOT NULL,
  event TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS pubsub_outbox_due ON pubsub_outbox (pubsub, topic, next_at);
CREATE TABLE IF NOT EXISTS pubsub_dead_letters (
  seq INTEGER PRIMARY KEY, pubsub TEXT NOT NULL, topic TEXT NOT NULL, event TEXT NOT NULL,
  attempts INTEGER NOT NULL, reason TEXT NOT NULL, at INTEGER NOT NULL);
`;

export function openDb(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'runtime.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across process crashes in WAL mode (only an OS crash can lose the last commit).
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // Erase means erase: deleted and overwritten rows are zeroed on disk, not left in free pages.
    db.pragma('secure_delete = ON');
    db.exec(SCHEMA);
  } catch (err) {
    db.close(); // e.g. a full disk: the caller may retry, so do not leak the handle
    throw err;
  }
  return db;
}

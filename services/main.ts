/** Entry point of every service: the embedded product (all services, one process) or one service beside its daprd (SERVICE, DAPR_MODE). */
import { type App, createApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createLogger, type Logger } from './shared/logger.js';
import { isStartupBlockedByFullDisk, serveStorageFull, type StandIn } from './storage-wait.js';

const STORAGE_RETRY_MS = 5000;

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL);
  const app = await createAppWhenStorageAllows(config, log);
  const port = await app.listen();
  log.info({ port, dataDir: config.dataDir }, `Interview Buddy listening on http://localhost:${port}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** createApp, but a full data disk means "wait, answering 503" rather than exit (see storage-wait.ts). */
async function createAppWhenStorageAllows(config: Config, log: Logger): Promise<App> {
  let standIn: StandIn | undefined;
  for (;;) {
    try {
      const app = createApp({ config, logger: log });
      await standIn?.close();
      return app;
    } catch (err) {
      if (!isStartupBlockedByFullDisk(err, config.dataDir)) throw err;
      log.error({ err, dataDir: config.dataDir }, `the data disk is full: cannot open the database; retrying every ${STORAGE_RETRY_MS / 1000} s`);
      standIn ??= await serveStorageFull(config.PORT, config.HOST, log);
      await new Promise((r) => setTimeout(r, STORAGE_RETRY_MS));
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

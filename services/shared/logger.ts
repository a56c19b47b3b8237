/** Structured logs (pino). Child loggers carry the interview id; secrets and tokens are redacted. */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { service: 'interview-buddy', ...base },
    redact: { paths: ['req.headers.authorization', 'token', 'idToken', '*.token'], censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err },
  });
}

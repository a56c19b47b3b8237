/** Prometheus metrics, one registry per app instance (tests run several in one process). */
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    stageDuration: new Histogram({
      name: 'ib_stage_duration_seconds',
      help: 'Wall time of a pipeline stage attempt',
      labelNames: ['stage', 'outcome'] as const,
      buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 1800],
      registers: [registry],
    }),
    stageRetries: new Counter({
      name: 'ib_stage_retries_total',
      help: 'Stage attempts that will be retried (transient failures)',
      labelNames: ['stage'] as const,
      registers: [registry],
    }),
    stageFailures: new Counter({
      name: 'ib_stage_failures_total',
      help: 'Interviews failed, by stage and code',
      labelNames: ['stage', 'code'] as const,
      registers: [registry],
    }),
    uploadBytes: new Counter({ name: 'ib_upload_bytes_total', help: 'Bytes of finished uploads', registers: [registry] }),
    uploadsFinished: new Counter({ name: 'ib_uploads_finished_total', help: 'Uploads finished', registers: [registry] }),
    httpDuration: new Histogram({
      name: 'ib_http_request_duration_seconds',
      help: 'API request duration',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

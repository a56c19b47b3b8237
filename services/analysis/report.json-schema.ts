import { z } from 'zod';
import { ReportSchema } from './report.schema.js';

/** Where the generated schema lives, relative to the repository root. */
export const REPORT_JSON_SCHEMA_PATH = 'schemas/report.v1.schema.json';
const REPORT_SCHEMA_ID = 'https://interview-buddy.dev/schemas/report.v1.schema.json';

/**
 * The JSON Schema text for the report, exactly as committed: scripts/export-schemas.ts writes it and a
 * test compares it with the file, so the file cannot drift from the zod schema. `io: 'output'`
 * describes what the analyzer emits (what consumers read).
 */
export function renderReportJsonSchema(): string {
  const { $schema, ...rest } = z.toJSONSchema(ReportSchema, { target: 'draft-2020-12', io: 'output' });
  return `${JSON.stringify({ $schema, $id: REPORT_SCHEMA_ID, ...rest }, null, 2)}\n`;
}

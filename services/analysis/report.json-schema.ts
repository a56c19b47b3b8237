import { z } from 'zod';
import { ReportSchema } from './report.schema.js';
import { ReportV1Schema } from './report.v1.schema.js';

/** Where the current (v3) generated schema lives, relative to the repository root. */
export const REPORT_JSON_SCHEMA_PATH = 'schemas/report.v3.schema.json';

/**
 * schemas/report.v2.schema.json is frozen as a file: it was generated from the v2 zod schema, whose
 * pieces now describe v3, so it is kept byte for byte (a test pins its hash) rather than re-rendered.
 */
export const FROZEN_REPORT_JSON_SCHEMAS = ['schemas/report.v2.schema.json'] as const;

function render(schema: z.ZodType, id: string): string {
  const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' });
  return `${JSON.stringify({ $schema, $id: id, ...rest }, null, 2)}\n`;
}

/**
 * The JSON Schema text for the report, exactly as committed: scripts/export-schemas.ts writes it and a
 * test compares it with the file, so the file cannot drift from the zod schema. `io: 'output'`
 * describes what the analyzer emits (what consumers read).
 */
export const renderReportJsonSchema = (): string =>
  render(ReportSchema, 'https://interview-buddy.dev/schemas/report.v3.schema.json');

/** Every report schema version still published (old stored reports are validated against theirs). */
export const REPORT_JSON_SCHEMAS: ReadonlyArray<{ file: string; render: () => string }> = [
  {
    file: 'schemas/report.v1.schema.json',
    render: () => render(ReportV1Schema, 'https://interview-buddy.dev/schemas/report.v1.schema.json'),
  },
  { file: REPORT_JSON_SCHEMA_PATH, render: renderReportJsonSchema },
];

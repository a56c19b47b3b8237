import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { REPORT_JSON_SCHEMA_PATH, renderReportJsonSchema } from '../../../services/analysis/report.json-schema.js';
import { ReportSchema } from '../../../services/analysis/report.schema.js';
import { analyzeTranscript } from '../../../services/analysis/analyze.js';
import { transcript, wordsFromText } from './helpers/synthetic.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('report JSON Schema', () => {
  it('committed file equals a fresh export (run scripts/export-schemas.ts after a schema change)', () => {
    const committed = readFileSync(path.join(repoRoot, REPORT_JSON_SCHEMA_PATH), 'utf8');
    expect(committed).toBe(renderReportJsonSchema());
  });

  it('describes the v1 envelope and requires the metrics', () => {
    const s = JSON.parse(renderReportJsonSchema()) as {
      $schema: string;
      required: string[];
      properties: { schemaVersion: { const: number }; metrics: { required: string[] } };
    };
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.properties.schemaVersion.const).toBe(1);
    expect(s.required).toEqual(expect.arrayContaining(['schemaVersion', 'generatedAt', 'engine', 'metrics', 'quality']));
    expect(s.required).not.toContain('interviewId');
    expect(s.properties.metrics.required).toEqual(
      expect.arrayContaining(['durationSec', 'wpm', 'articulationWpm', 'wpmSeries', 'fillers', 'pauses', 'longestSpeechSec']),
    );
  });
});

describe('ReportSchema', () => {
  const valid = analyzeTranscript(transcript(wordsFromText('um hello there'), 2), { now: () => new Date(0) });

  it('accepts an analyzer report', () => {
    expect(ReportSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['a wrong version', { ...valid, schemaVersion: 2 }],
    ['a non-ISO date', { ...valid, generatedAt: 'yesterday' }],
    ['a negative WPM', { ...valid, metrics: { ...valid.metrics, wpm: -1 } }],
    ['an infinite WPM', { ...valid, metrics: { ...valid.metrics, wpm: Number.POSITIVE_INFINITY } }],
    ['a fractional word count', { ...valid, metrics: { ...valid.metrics, wordCount: 1.5 } }],
    ['a silence share over 1', { ...valid, metrics: { ...valid.metrics, pauses: { ...valid.metrics.pauses, silenceShare: 1.2 } } }],
    ['an unknown top-level field', { ...valid, extra: true }],
  ])('rejects %s', (_name, bad) => {
    expect(ReportSchema.safeParse(bad).success).toBe(false);
  });
});

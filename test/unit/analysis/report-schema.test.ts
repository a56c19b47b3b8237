import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { FROZEN_REPORT_JSON_SCHEMAS, REPORT_JSON_SCHEMAS, REPORT_JSON_SCHEMA_PATH, renderReportJsonSchema } from '../../../services/analysis/report.json-schema.js';
import { ReportSchema } from '../../../services/analysis/report.schema.js';
import { ReportV1Schema } from '../../../services/analysis/report.v1.schema.js';
import { analyzeTranscript } from '../../../services/analysis/analyze.js';
import { transcript, wordsFromText } from './helpers/synthetic.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('report JSON Schemas', () => {
  it.each(REPORT_JSON_SCHEMAS.map((s) => [s.file, s] as const))(
    '%s: committed file equals a fresh export (run scripts/export-schemas.ts after a schema change)',
    (file, s) => {
      expect(readFileSync(path.join(repoRoot, file), 'utf8')).toBe(s.render());
    },
  );

  it('publishes v1 and v3 generated and v2 frozen; the current one is v3', () => {
    expect(REPORT_JSON_SCHEMAS.map((s) => s.file)).toEqual(['schemas/report.v1.schema.json', 'schemas/report.v3.schema.json']);
    expect(REPORT_JSON_SCHEMA_PATH).toBe('schemas/report.v3.schema.json');
    expect(FROZEN_REPORT_JSON_SCHEMAS).toEqual(['schemas/report.v2.schema.json']);
    // The v2 file as generated before v3 existed: stored v2 reports are validated against exactly this.
    const v2 = readFileSync(path.join(repoRoot, 'schemas/report.v2.schema.json'));
    expect(createHash('sha256').update(v2).digest('hex')).toBe('8acfed14e2806606ecefbe728a4ff2f4c24252b7c55f439509dcebf2ad48cdb0');
  });

  it('describes the v3 envelope and requires the candidate metrics, cards and content; time-based metrics are optional', () => {
    const s = JSON.parse(renderReportJsonSchema()) as {
      $schema: string;
      required: string[];
      properties: { schemaVersion: { const: number }; metrics: { required: string[] }; tips: { minItems: number; maxItems: number } };
    };
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.properties.schemaVersion.const).toBe(3);
    expect(s.required).not.toContain('readiness');
    expect(s.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'generatedAt', 'engine', 'speakers', 'metrics', 'metricCards', 'answers', 'tips', 'summary', 'quality']),
    );
    expect(s.required).not.toEqual(expect.arrayContaining(['interviewId']));
    expect(s.required).not.toContain('ai');
    expect(s.required).not.toContain('prep');
    expect(s.properties.tips).toMatchObject({ minItems: 3, maxItems: 3 });
    expect(s.properties.metrics.required).toEqual(
      expect.arrayContaining(['timed', 'wordCount', 'fillers', 'hedges', 'repetition', 'vocabulary', 'pronouns', 'talkRatioByWords', 'questionsAsked']),
    );
    for (const timeBased of ['durationSec', 'wpm', 'wpmSeries', 'pauses', 'longestMonologueSec', 'talkRatio']) expect(s.properties.metrics.required).not.toContain(timeBased);
  });
});

describe('ReportSchema (v3)', () => {
  const valid = analyzeTranscript(transcript(wordsFromText('um hello there'), 2), { now: () => new Date(0) });

  it('accepts an analyzer report, which v1 rejects', () => {
    expect(ReportSchema.safeParse(valid).success).toBe(true);
    expect(ReportV1Schema.safeParse(valid).success).toBe(false);
  });

  const card = valid.metricCards[0]!;
  it.each([
    ['a wrong version', { ...valid, schemaVersion: 1 }],
    ['a non-ISO date', { ...valid, generatedAt: 'yesterday' }],
    ['a negative WPM', { ...valid, metrics: { ...valid.metrics, wpm: -1 } }],
    ['an infinite WPM', { ...valid, metrics: { ...valid.metrics, wpm: Number.POSITIVE_INFINITY } }],
    ['a fractional word count', { ...valid, metrics: { ...valid.metrics, wordCount: 1.5 } }],
    ['a talk ratio over 1', { ...valid, metrics: { ...valid.metrics, talkRatio: 1.2 } }],
    ['two tips', { ...valid, tips: ['a', 'b'] }],
    ['an unknown verdict', { ...valid, metricCards: [{ ...card, verdict: 'bad' }] }],
    ['a card without a source', { ...valid, metricCards: [{ ...card, range: { high: 1 } }] }],
    ['an unknown speaker role', { ...valid, speakers: [{ id: 'x', role: 'coach', talkSec: 1 }] }],
    ['an unknown top-level field', { ...valid, extra: true }],
  ])('rejects %s', (_name, bad) => {
    expect(ReportSchema.safeParse(bad).success).toBe(false);
  });
});

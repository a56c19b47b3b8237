/**
 * The API contract (services/contract) and the OpenAPI document describe the same wire: each schema
 * the document publishes equals the contract's JSON Schema for it, and the contract's pieces nested
 * in a published schema (metric cards, readiness, answers) appear there unchanged.
 */
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { openApiDocument } from '../../../services/api/openapi.js';
import * as contract from '../../../services/contract/index.js';

const input = (s: z.ZodType) => z.toJSONSchema(s, { target: 'draft-2020-12' });
const output = (s: z.ZodType) => z.toJSONSchema(s, { target: 'draft-2020-12', io: 'output' });
/** A schema nested in another carries no `$schema` of its own. */
const nested = (s: z.ZodType) => {
  const { $schema: _, ...rest } = output(s) as Record<string, unknown>;
  return rest;
};

const without = (o: unknown, keys: string[]) => Object.fromEntries(Object.entries(o as object).filter(([k]) => !keys.includes(k)));

/** Whether `tree` holds a sub-schema deep-equal to `sub` (the field using it may add a description). */
function contains(tree: unknown, sub: unknown): boolean {
  if (!tree || typeof tree !== 'object') return false;
  const want = JSON.stringify(sub);
  if (JSON.stringify(tree) === want || JSON.stringify(without(tree, ['description'])) === want) return true;
  return Object.values(tree).some((v) => contains(v, sub));
}

/** Keywords the document adds by hand where zod cannot say it (a refinement): checked by the e2e tests. */
const DOCUMENT_ONLY: Record<string, string[]> = { QuestionSetRequest: ['anyOf'] };

const schemas = openApiDocument().components.schemas as Record<string, { properties?: Record<string, unknown> }>;

describe('the API contract matches the OpenAPI document', () => {
  it.each([
    ['Report', output(contract.ReportSchema)],
    ['QuestionSet', output(contract.QuestionSetSchema)],
    ['QuestionSetRequest', input(contract.questionSetBody)],
    ['SavedJob', output(contract.SavedJobSchema)],
    ['SaveJob', input(contract.savedJobBody)],
  ])('components.schemas.%s is the contract schema', (name, json) => {
    expect(without(schemas[name], DOCUMENT_ONLY[name] ?? [])).toEqual(json);
  });

  it.each([
    ['MetricCard', contract.MetricCardSchema],
    ['Readiness', contract.ReadinessSchema],
    ['Answer', contract.AnswerSchema],
    ['PrepPoint', contract.PrepPointSchema],
    ['Speaker', contract.SpeakerSchema],
    ['JobSection', contract.JobSectionSchema],
  ])('%s appears unchanged inside the published Report', (_name, schema) => {
    expect(contains(schemas.Report, nested(schema))).toBe(true);
  });

  it('an interview stage is the contract stage', () => {
    expect(schemas.Interview?.properties?.stage).toEqual(nested(contract.StageSchema));
  });

  it('an interview status is a contract status, and every one an answer can carry is documented', () => {
    // A deleted interview answers 404 on every route, so no response carries `deleted`.
    const KNOWN_MISSING = ['deleted'];
    const documented = (schemas.Interview?.properties?.status as { enum: string[] }).enum;
    expect(documented.filter((s) => !(contract.STATUSES as readonly string[]).includes(s))).toEqual([]);
    expect(contract.STATUSES.filter((s) => !documented.includes(s))).toEqual(KNOWN_MISSING);
  });
});

/** OpenAPI 3.1 description of the REST API, built from the same zod schemas that validate requests. */
import { z } from 'zod';
import { ReportSchema } from '../analysis/report.schema.js';
import { QuestionSetSchema, questionSetBody, SavedJobSchema, savedJobBody } from '../analysis/job/job.contract.js';
import { createInterviewBody, reanalyzeBody, settingsBody, updateInterviewBody } from './validation.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: 'Error', ...json(ref('Error')) }]));
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const pathParam = (name: string, pattern: string) => ({ name, in: 'path', required: true, schema: { type: 'string', pattern } });
const notificationIdParam = pathParam('id', '^[a-z.]+:[A-Za-z0-9:_-]{1,200}$');
const deliveryIdParam = pathParam('deliveryId', '^msg_[0-9a-f]{32}$');
const uploadIdParam = pathParam('uploadId', '^[0-9a-f-]{36}--[0-9a-f]{24}$');
const status = { type: 'string', enum: ['created', 'uploading', 'uploaded', 'transcribing', 'transcribed', 'analyzing', 'completed', 'failed'] };

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'Interview Buddy API', version: '1.0.0', description: 'Upload interview recordings and read private feedback.' },
    servers: [{ url: '/' }],
    security: [{ firebase: [] }],
    components: {
      securitySchemes: { firebase: { type: 'http', scheme: 'bearer', bearerFormat: 'Firebase ID token' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
        },
        CreateInterview: z.toJSONSchema(createInterviewBody, { target: 'draft-2020-12' }),
        UpdateInterview: z.toJSONSchema(updateInterviewBody, { target: 'draft-2020-12' }),
        Reanalyze: z.toJSONSchema(reanalyzeBody, { target: 'draft-2020-12' }),
        Settings: z.toJSONSchema(settingsBody, { target: 'draft-2020-12' }),
        QuestionSetRequest: z.toJSONSchema(questionSetBody, { target: 'draft-2020-12' }),
        QuestionSet: z.toJSONSchema(QuestionSetSchema, { target: 'draft-2020-12', io: 'output' }),
        SaveJob: z.toJSONSchema(savedJobBody, { target: 'draft-2020-12' }),
        SavedJob: z.toJSONSchema(SavedJobSchema, { target: 'draft-2020-12', io: 'output' }),
        Interview: {
          type: 'object',
          required: ['id', 'title', 'status', 'stage', 'progress', 'createdAt', 'updatedAt'],
          properties: {
            id: { type: 'string', format: 'uuid' }, title: { type: 'string' }, status,
            stage: { type: 'string', enum: ['upload', 'transcription', 'analysis'] },
            progress: { type: 'number', minimum: 0, maximum: 1 },
            error: { type: 'object', properties: { code: { type: 'string' }, stage: { type: 'string' }, message: { type: 'string' } } },
            durationSec: { type: 'number' }, createdAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' },
          },
        },
        Transcript: {
          type: 'object',
          properties: {
            text: { type: 'string' },
            words: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' }, start: { type: 'number' }, end: { type: 'number' }, speaker: { type: 'string' } } } },
          },
        },
        Report: z.toJSONSchema(ReportSchema, { target: 'draft-2020-12', io: 'output' }),
      },
    },
    paths: {
      '/api/v1/interviews': {
        post: {
          summary: 'Create an interview', requestBody: { required: true, ...json(ref('CreateInterview')) },
          responses: { 201: { description: 'Created; upload the recording to the tus endpoint with this metadata' }, ...errors(400, 401, 413) },
        },
        get: { summary: "The caller's interviews, newest first", responses: { 200: { description: 'List' }, ...errors(401) } },
      },
      '/api/v1/interviews/{id}': {
        parameters: [idParam],
        get: { summary: 'An interview and its progress', responses: { 200: { description: 'Interview', ...json(ref('Interview')) }, ...errors(401, 404) } },
        delete: { summary: 'Erase the interview, its media, transcript and report', responses: { 204: { description: 'Erased' }, ...errors(401, 404) } },
        patch: {
          summary: 'Edit title, role, company, prep notes, job description ("" removes it) or the candidate speaker (a new candidate or job description re-analyses a finished interview)',
          requestBody: { required: true, ...json(ref('UpdateInterview')) },
          responses: { 200: { description: 'Interview', ...json(ref('Interview')) }, ...errors(400, 401, 404, 413) },
        },
      },
      '/api/v1/interviews/{id}/reanalyze': {
        parameters: [idParam],
        post: {
          summary: 'Analyse the existing transcript again (model choice, prep notes, candidate speaker); never re-transcribes',
          requestBody: { required: false, ...json(ref('Reanalyze')) },
          responses: { 202: { description: 'Analysis queued', ...json(ref('Interview')) }, ...errors(400, 401, 404, 409) },
        },
      },
      '/api/v1/question-sets': {
        post: {
          summary: 'Practice questions for a job description (and an interview: its missed competencies first, follow-ups for weak answers)',
          requestBody: { required: true, ...json(ref('QuestionSetRequest')) },
          responses: { 200: { description: 'Question set', ...json(ref('QuestionSet')) }, ...errors(400, 401, 404, 409, 413) },
        },
      },
      '/api/v1/jobs': {
        get: { summary: "The caller's saved jobs, newest first", responses: { 200: { description: '{items: SavedJob[]}' }, ...errors(401) } },
        post: {
          summary: 'Save a job description to pick later',
          requestBody: { required: true, ...json(ref('SaveJob')) },
          responses: { 201: { description: 'Saved', ...json(ref('SavedJob')) }, ...errors(400, 401, 409, 413) },
        },
      },
      '/api/v1/jobs/{id}': {
        parameters: [idParam],
        get: { summary: 'A saved job', responses: { 200: { description: 'Saved job', ...json(ref('SavedJob')) }, ...errors(401, 404) } },
        delete: { summary: 'Delete a saved job', responses: { 204: { description: 'Deleted' }, ...errors(401, 404) } },
      },
      '/api/v1/trends': {
        get: { summary: "Each headline metric across the caller's completed interviews, oldest first", responses: { 200: { description: 'Series by metric' }, ...errors(401) } },
      },
      '/api/v1/settings': {
        get: { summary: "The caller's preferences", responses: { 200: { description: 'Settings', ...json(ref('Settings')) }, ...errors(401) } },
        put: { summary: 'Update preferences', requestBody: { required: true, ...json(ref('Settings')) }, responses: { 200: { description: 'Settings', ...json(ref('Settings')) }, ...errors(400, 401) } },
      },
      '/api/v1/interviews/{id}/transcript': {
        parameters: [idParam],
        get: { summary: 'The timed transcript', responses: { 200: { description: 'Transcript', ...json(ref('Transcript')) }, ...errors(401, 404, 409) } },
        put: {
          summary: 'Import a WebVTT or SRT transcript (speaker names kept) instead of transcribing',
          requestBody: { required: true, content: { 'text/vtt': { schema: { type: 'string' } }, 'application/x-subrip': { schema: { type: 'string' } } } },
          responses: { 200: { description: 'Interview', ...json(ref('Interview')) }, ...errors(400, 401, 404, 409, 413) },
        },
      },
      '/api/v1/interviews/{id}/report': {
        parameters: [idParam],
        get: { summary: 'The analysis report', responses: { 200: { description: 'Report', ...json(ref('Report')) }, ...errors(401, 404, 409) } },
      },
      '/api/v1/interviews/{id}/retry': {
        parameters: [idParam],
        post: { summary: 'Retry a failed interview from the stage that failed', responses: { 202: { description: 'Retrying' }, ...errors(401, 404, 409) } },
      },
      '/api/v1/webhooks': {
        post: { summary: 'Subscribe a URL to lifecycle events; the signing secret is returned only here', responses: { 201: { description: 'Webhook with secret' }, ...errors(400, 401) } },
        get: { summary: "The caller's webhooks", responses: { 200: { description: 'List' }, ...errors(401) } },
      },
      '/api/v1/webhooks/{id}': {
        parameters: [idParam],
        get: { summary: 'A webhook', responses: { 200: { description: 'Webhook' }, ...errors(401, 404) } },
        patch: { summary: 'Change events, enabled, description', responses: { 200: { description: 'Webhook' }, ...errors(400, 401, 404) } },
        delete: { summary: 'Delete a webhook', responses: { 204: { description: 'Deleted' }, ...errors(401, 404) } },
      },
      '/api/v1/webhooks/{id}/rotate-secret': { parameters: [idParam], post: { summary: 'New secret; the old one signs for 24 h more', responses: { 200: { description: 'New secret' }, ...errors(401, 404) } } },
      '/api/v1/webhooks/{id}/test': { parameters: [idParam], post: { summary: 'Send a webhook.ping', responses: { 202: { description: 'Queued' }, ...errors(401, 404) } } },
      '/api/v1/webhooks/{id}/deliveries': { parameters: [idParam], get: { summary: 'Delivery log', responses: { 200: { description: 'Deliveries' }, ...errors(401, 404) } } },
      '/api/v1/webhooks/{id}/deliveries/{deliveryId}': { parameters: [idParam, deliveryIdParam], get: { summary: 'One delivery with its attempts', responses: { 200: { description: 'Delivery' }, ...errors(401, 404) } } },
      '/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': { parameters: [idParam, deliveryIdParam], post: { summary: 'Send the delivery again with the same id', responses: { 202: { description: 'Queued' }, ...errors(401, 404) } } },
      '/api/v1/notifications': { get: { summary: 'In-app notifications', responses: { 200: { description: '{items, unread}' }, ...errors(401) } } },
      '/api/v1/notifications/{id}/read': { parameters: [notificationIdParam], post: { summary: 'Mark read', responses: { 200: { description: 'Notification' }, ...errors(401, 404) } } },
      '/api/v1/notifications/preferences': {
        get: { summary: 'Email preference', responses: { 200: { description: '{email}' }, ...errors(401) } },
        put: { summary: 'Opt in or out of email', responses: { 200: { description: '{email}' }, ...errors(400, 401) } },
      },
      '/api/v1/me': {
        delete: { summary: "Erase all of the caller's data", responses: { 200: { description: '{erased: {interviews, webhooks}}' }, ...errors(401) } },
      },
      '/files/': {
        post: { summary: 'tus 1.0 creation (Upload-Metadata: interviewId, filename)', responses: { 201: { description: 'Upload created' }, ...errors(400, 401, 404, 409, 413) } },
      },
      '/files/{uploadId}': {
        parameters: [uploadIdParam],
        head: { summary: 'tus 1.0: the offset to resume from', responses: { 200: { description: 'Upload-Offset' }, ...errors(401, 404) } },
        patch: { summary: 'tus 1.0: append bytes at Upload-Offset', responses: { 204: { description: 'Appended' }, ...errors(401, 404, 409, 413) } },
        delete: { summary: 'tus 1.0 termination', responses: { 204: { description: 'Removed' }, ...errors(401, 404) } },
      },
      '/healthz': { get: { security: [], summary: 'Liveness', responses: { 200: { description: 'Alive' } } } },
      '/readyz': { get: { security: [], summary: 'Readiness', responses: { 200: { description: 'Ready' }, 503: { description: 'Not ready' } } } },
      '/metrics': { get: { security: [], summary: 'Prometheus metrics', responses: { 200: { description: 'Metrics' } } } },
    },
  };
}

/** OpenAPI 3.1 description of the REST API, built from the same zod schemas that validate requests. */
import { z } from 'zod';
import { ReportSchema } from '../analysis/report.schema.js';
import { STATUSES } from '../contract/interview.js';
import { QuestionSetSchema, questionSetBody, SavedJobSchema, savedJobBody } from '../analysis/job/job.contract.js';
import { preferencesBody } from './notifications.routes.js';
import { createInterviewBody, LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX, reanalyzeBody, settingsBody, updateInterviewBody } from './validation.js';
import { createWebhookBody, updateWebhookBody } from './webhooks.routes.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const schemaOf = (schema: z.ZodType, io: 'input' | 'output' = 'input') => z.toJSONSchema(schema, { target: 'draft-2020-12', io });
const ERROR_MEANING: Record<number, string> = {
  400: 'The request does not match this document (invalid_request names each field; missing_body, invalid_json)',
  401: 'No valid Firebase ID token',
  404: 'No such resource, or not yours',
  409: 'Not possible in the current state',
  413: 'Body too large (MAX_JSON_BYTES, MAX_TRANSCRIPT_BYTES) or a field over its documented limit',
  415: 'Body encoding or charset not supported',
  422: 'Well formed, but its content cannot be used (the error code says why)',
};
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: ERROR_MEANING[c] ?? 'Error', ...json(ref('Error')) }]));
/** A JSON request body, and the errors any JSON body can get on top of the operation's own. */
const jsonBody = (schema: string, required = true) => ({ requestBody: { required, ...json(ref(schema)) } });
const JSON_BODY_ERRORS = [400, 413, 415] as const;
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const pathParam = (name: string, pattern: string) => ({ name, in: 'path', required: true, schema: { type: 'string', pattern } });
const limitParam = { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: LIST_LIMIT_MAX, default: LIST_LIMIT_DEFAULT } };
const notificationIdParam = pathParam('id', '^[a-z.]+:[A-Za-z0-9:_-]{1,200}$');
const deliveryIdParam = pathParam('deliveryId', '^msg_[0-9a-f]{32}$');
/** Every contract status an answer can carry: a deleted interview is 404, never shown. */
const status = { type: 'string', enum: STATUSES.filter((s) => s !== 'deleted') };
const open = { security: [] };

export interface OpenApiOptions {
  /** MAX_UPLOAD_BYTES: the largest Upload-Length accepted (larger: 413). */
  maxUploadBytes?: number;
}

export function openApiDocument({ maxUploadBytes = 2 * 1024 ** 3 }: OpenApiOptions = {}) {
  return {
    openapi: '3.1.0',
    info: { title: 'Interview Buddy API', version: '1.0.0', description: 'Upload interview recordings and read private feedback. Every error is `{"error":{"code","message"}}`; a method a path does not list is 405 with `Allow`.' },
    servers: [{ url: '/' }],
    security: [{ firebase: [] }],
    components: {
      securitySchemes: { firebase: { type: 'http', scheme: 'bearer', bearerFormat: 'Firebase ID token' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object', required: ['code', 'message'],
              properties: { code: { type: 'string', description: 'Stable, machine-readable' }, message: { type: 'string' }, details: { type: 'object' } },
            },
          },
        },
        CreateInterview: schemaOf(createInterviewBody),
        UpdateInterview: schemaOf(updateInterviewBody),
        Reanalyze: schemaOf(reanalyzeBody),
        Settings: schemaOf(settingsBody),
        // What GET/PUT /settings answer: also the email opt-out, which PUT /notifications/preferences sets.
        SettingsView: {
          type: 'object',
          properties: { analysisModel: schemaOf(settingsBody).properties?.analysisModel ?? { type: 'string' }, emailNotifications: { type: 'boolean' } },
        },
        // The zod refine "send jobDescription or interviewId", as JSON Schema.
        QuestionSetRequest: { ...schemaOf(questionSetBody), anyOf: [{ required: ['jobDescription'] }, { required: ['interviewId'] }] },
        QuestionSet: schemaOf(QuestionSetSchema, 'output'),
        SaveJob: schemaOf(savedJobBody),
        SavedJob: schemaOf(SavedJobSchema, 'output'),
        CreateWebhook: schemaOf(createWebhookBody),
        UpdateWebhook: schemaOf(updateWebhookBody),
        NotificationPreferences: schemaOf(preferencesBody),
        Interview: {
          type: 'object',
          required: ['id', 'title', 'status', 'stage', 'progress', 'createdAt', 'updatedAt'],
          properties: {
            id: { type: 'string', format: 'uuid' }, title: { type: 'string' }, role: { type: 'string' }, company: { type: 'string' },
            jobDescription: { type: 'string' }, candidateSpeaker: { type: 'string' }, headline: { type: 'object', description: 'Headline metrics, once completed' }, status,
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
        Report: schemaOf(ReportSchema, 'output'),
      },
    },
    paths: {
      '/api/v1/openapi.json': { get: { ...open, operationId: 'getOpenApiDocument', summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', ...json({ type: 'object' }) } } } },
      '/api/v1/interviews': {
        post: {
          operationId: 'createInterview', summary: 'Create an interview', ...jsonBody('CreateInterview'),
          responses: { 201: { description: 'Created; upload the recording to the tus endpoint with this metadata' }, ...errors(...JSON_BODY_ERRORS, 401, 422) },
        },
        get: { operationId: 'listInterviews', summary: "The caller's interviews, newest first", responses: { 200: { description: 'List' }, ...errors(401) } },
      },
      '/api/v1/interviews/{id}': {
        parameters: [idParam],
        get: { operationId: 'getInterview', summary: 'An interview and its progress', responses: { 200: { description: 'Interview', ...json(ref('Interview')) }, ...errors(401, 404) } },
        delete: { operationId: 'deleteInterview', summary: 'Erase the interview, its media, transcript and report', responses: { 204: { description: 'Erased' }, ...errors(401, 404) } },
        patch: {
          operationId: 'updateInterview',
          summary: 'Edit title, role, company, prep notes, job description ("" removes it) or the candidate speaker (a new candidate or job description re-analyses a finished interview)',
          ...jsonBody('UpdateInterview'),
          responses: { 200: { description: 'Interview', ...json(ref('Interview')) }, ...errors(...JSON_BODY_ERRORS, 401, 404, 409, 422) },
        },
      },
      '/api/v1/interviews/{id}/reanalyze': {
        parameters: [idParam],
        post: {
          operationId: 'reanalyzeInterview',
          summary: 'Analyse the existing transcript again (model choice, prep notes, candidate speaker); never re-transcribes',
          ...jsonBody('Reanalyze', false),
          responses: { 202: { description: 'Analysis queued', ...json(ref('Interview')) }, ...errors(...JSON_BODY_ERRORS, 401, 404, 409, 422) },
        },
      },
      '/api/v1/question-sets': {
        post: {
          operationId: 'createQuestionSet',
          summary: 'Practice questions for a job description (and an interview: its missed competencies first, follow-ups for weak answers)',
          ...jsonBody('QuestionSetRequest'),
          responses: { 200: { description: 'Question set', ...json(ref('QuestionSet')) }, ...errors(...JSON_BODY_ERRORS, 401, 404, 409, 422) },
        },
      },
      '/api/v1/question-sets/general': {
        get: { operationId: 'getGeneralQuestionSet', summary: 'The general practice set (no job needed)', responses: { 200: { description: 'Question set', ...json(ref('QuestionSet')) }, ...errors(401) } },
      },
      '/api/v1/jobs': {
        get: { operationId: 'listSavedJobs', summary: "The caller's saved jobs, newest first", responses: { 200: { description: '{items: SavedJob[]}' }, ...errors(401) } },
        post: {
          operationId: 'saveJob', summary: 'Save a job description to pick later', ...jsonBody('SaveJob'),
          responses: { 201: { description: 'Saved', ...json(ref('SavedJob')) }, ...errors(...JSON_BODY_ERRORS, 401, 409, 422) },
        },
      },
      '/api/v1/jobs/{id}': {
        parameters: [idParam],
        get: { operationId: 'getSavedJob', summary: 'A saved job', responses: { 200: { description: 'Saved job', ...json(ref('SavedJob')) }, ...errors(401, 404) } },
        delete: { operationId: 'deleteSavedJob', summary: 'Delete a saved job', responses: { 204: { description: 'Deleted' }, ...errors(401, 404) } },
      },
      '/api/v1/trends': {
        get: { operationId: 'getTrends', summary: "Each headline metric across the caller's completed interviews, oldest first", responses: { 200: { description: 'Series by metric' }, ...errors(401) } },
      },
      '/api/v1/settings': {
        get: { operationId: 'getSettings', summary: "The caller's preferences", responses: { 200: { description: 'Settings', ...json(ref('SettingsView')) }, ...errors(401) } },
        put: {
          operationId: 'updateSettings', summary: 'Update preferences (send {} to keep them)', ...jsonBody('Settings'),
          responses: { 200: { description: 'Settings', ...json(ref('SettingsView')) }, ...errors(...JSON_BODY_ERRORS, 401) },
        },
      },
      '/api/v1/interviews/{id}/transcript': {
        parameters: [idParam],
        get: { operationId: 'getTranscript', summary: 'The timed transcript', responses: { 200: { description: 'Transcript', ...json(ref('Transcript')) }, ...errors(401, 404, 409) } },
        put: {
          operationId: 'importTranscript',
          summary: 'Import a transcript (WebVTT, SRT, Zoom, Teams, Meet or plain "Name: text" lines; speaker names kept) instead of transcribing; the body is read as text whatever its Content-Type',
          parameters: [{ name: 'filename', in: 'query', required: false, description: 'The original file name, a hint for the format', schema: { type: 'string' } }],
          requestBody: { required: true, content: Object.fromEntries(['text/vtt', 'application/x-subrip', 'text/plain'].map((t) => [t, { schema: { type: 'string', minLength: 1 } }])) },
          responses: {
            200: { description: 'Interview', ...json(ref('Interview')) },
            ...errors(400, 401, 404, 409, 413, 415),
            422: { description: 'Not a transcript this server can read (invalid_transcript, with the line)', ...json(ref('Error')) },
          },
        },
      },
      '/api/v1/interviews/{id}/report': {
        parameters: [idParam],
        get: { operationId: 'getReport', summary: 'The analysis report', responses: { 200: { description: 'Report', ...json(ref('Report')) }, ...errors(401, 404, 409) } },
      },
      '/api/v1/interviews/{id}/retry': {
        parameters: [idParam],
        post: { operationId: 'retryInterview', summary: 'Retry a failed interview from the stage that failed', responses: { 202: { description: 'Retrying', ...json(ref('Interview')) }, ...errors(401, 404, 409) } },
      },
      '/api/v1/webhooks': {
        post: {
          operationId: 'createWebhook', summary: 'Subscribe a URL to lifecycle events; the signing secret is returned only here', ...jsonBody('CreateWebhook'),
          responses: {
            201: { description: 'Webhook with secret' },
            ...errors(...JSON_BODY_ERRORS, 401),
            409: { description: 'Too many webhooks (webhook_limit)', ...json(ref('Error')) },
            422: { description: 'A URL the server does not deliver to (webhook_url_unsafe: private, loopback, unresolvable, not http(s))', ...json(ref('Error')) },
          },
        },
        get: { operationId: 'listWebhooks', summary: "The caller's webhooks", responses: { 200: { description: 'List' }, ...errors(401) } },
      },
      '/api/v1/webhooks/{id}': {
        parameters: [idParam],
        get: { operationId: 'getWebhook', summary: 'A webhook', responses: { 200: { description: 'Webhook' }, ...errors(401, 404) } },
        patch: { operationId: 'updateWebhook', summary: 'Change events, enabled, description', ...jsonBody('UpdateWebhook'), responses: { 200: { description: 'Webhook' }, ...errors(...JSON_BODY_ERRORS, 401, 404) } },
        delete: { operationId: 'deleteWebhook', summary: 'Delete a webhook', responses: { 204: { description: 'Deleted' }, ...errors(401, 404) } },
      },
      '/api/v1/webhooks/{id}/rotate-secret': { parameters: [idParam], post: { operationId: 'rotateWebhookSecret', summary: 'New secret; the old one signs for 24 h more', responses: { 200: { description: 'New secret' }, ...errors(401, 404) } } },
      '/api/v1/webhooks/{id}/test': {
        parameters: [idParam],
        post: { operationId: 'testWebhook', summary: 'Send a webhook.ping', responses: { 202: { description: 'Queued' }, ...errors(401, 404), 422: { description: 'The URL is no longer one the server delivers to (webhook_url_unsafe)', ...json(ref('Error')) } } },
      },
      '/api/v1/webhooks/{id}/deliveries': {
        parameters: [idParam],
        get: { operationId: 'listWebhookDeliveries', summary: 'Delivery log, newest first', parameters: [limitParam], responses: { 200: { description: 'Deliveries' }, ...errors(400, 401, 404) } },
      },
      '/api/v1/webhooks/{id}/deliveries/{deliveryId}': { parameters: [idParam, deliveryIdParam], get: { operationId: 'getWebhookDelivery', summary: 'One delivery with its attempts', responses: { 200: { description: 'Delivery' }, ...errors(401, 404) } } },
      '/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
        parameters: [idParam, deliveryIdParam],
        post: { operationId: 'redeliverWebhook', summary: 'Send the delivery again with the same id', responses: { 202: { description: 'Queued' }, ...errors(401, 404), 422: { description: 'The URL is no longer one the server delivers to (webhook_url_unsafe)', ...json(ref('Error')) } } },
      },
      '/api/v1/notifications': { get: { operationId: 'listNotifications', summary: 'In-app notifications, newest first', parameters: [limitParam], responses: { 200: { description: '{items, unread}' }, ...errors(400, 401) } } },
      '/api/v1/notifications/{id}/read': { parameters: [notificationIdParam], post: { operationId: 'markNotificationRead', summary: 'Mark read', responses: { 200: { description: 'Notification' }, ...errors(401, 404) } } },
      '/api/v1/notifications/preferences': {
        get: { operationId: 'getNotificationPreferences', summary: 'Email preference', responses: { 200: { description: '{email}', ...json(ref('NotificationPreferences')) }, ...errors(401) } },
        put: {
          operationId: 'updateNotificationPreferences', summary: 'Opt in or out of email', ...jsonBody('NotificationPreferences'),
          responses: { 200: { description: '{email}', ...json(ref('NotificationPreferences')) }, ...errors(...JSON_BODY_ERRORS, 401) },
        },
      },
      '/api/v1/me': {
        delete: { operationId: 'eraseAccountData', summary: "Erase all of the caller's data", responses: { 200: { description: '{erased: {interviews, webhooks}}' }, ...errors(401) } },
      },
      ...tusPaths(maxUploadBytes),
      '/healthz': { get: { ...open, operationId: 'liveness', summary: 'Liveness', responses: { 200: { description: 'Alive' } } } },
      '/readyz': { get: { ...open, operationId: 'readiness', summary: 'Readiness', responses: { 200: { description: 'Ready' }, 503: { description: 'Not ready' } } } },
      '/metrics': { get: { ...open, operationId: 'metrics', summary: 'Prometheus metrics', responses: { 200: { description: 'Metrics', content: { 'text/plain': { schema: { type: 'string' } } } } } } },
    },
  };
}

// ---- tus 1.0 (creation, creation-with-upload, creation-defer-length, termination, expiration) ----

const header = (name: string, schema: object, required = false, description?: string) => ({ name, in: 'header', required, schema, ...(description && { description }) });
const tusResumable = header('Tus-Resumable', { type: 'string', enum: ['1.0.0'] }, true, 'Missing: 400 tus_resumable_required; another version: 400 invalid_header');
const uploadIdParam = pathParam('uploadId', '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}--[0-9a-f]{24}$');
const BASE64 = '[A-Za-z0-9+/]*={0,2}';
const PAIR = `[^ ,]+( ${BASE64})?`;
/** "key base64,key base64"; interviewId (base64 of the interview's id) is required, filename, engine and speakers optional. */
const UPLOAD_METADATA = `^(${PAIR},)*interviewId [A-Za-z0-9+/]+={0,2}(,${PAIR})*$`;
const resHeader = (description: string, schema: object = { type: 'string' }, required = false) => ({ description, required, schema });
const tusResponseHeaders = { 'Tus-Resumable': resHeader('1.0.0', { type: 'string' }, true) };
const tusErrors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: TUS_ERROR_MEANING[c] ?? 'Error', ...json(ref('Error')) }]));
const TUS_ERROR_MEANING: Record<number, string> = {
  400: 'A missing or invalid tus header (invalid_header, tus_resumable_required), malformed Upload-Metadata, an empty file',
  401: 'No valid Firebase ID token',
  403: 'Upload-Offset or Content-Type missing',
  404: 'No such interview or upload, or not yours',
  409: 'Upload-Offset is not the current offset, or the interview cannot take a recording now',
  410: 'The upload expired',
  413: `Larger than the upload limit (Tus-Max-Size)`,
};
const octets = { content: { 'application/offset+octet-stream': { schema: { type: 'string', format: 'binary' } } } };
/** Documented once, on the creation URL; OPTIONS on an upload URL answers the same (CORS preflight). */
const tusOptions = (operationId: string) => ({
  ...open, operationId, summary: 'tus discovery and CORS preflight (no token needed)',
  responses: {
    204: {
      description: 'Capabilities',
      headers: {
        'Tus-Resumable': resHeader('1.0.0', { type: 'string' }, true), 'Tus-Version': resHeader('1.0.0', { type: 'string' }, true),
        'Tus-Extension': resHeader('creation,creation-with-upload,creation-defer-length,termination,expiration', { type: 'string' }, true),
        'Tus-Max-Size': resHeader('Upload limit in bytes', { type: 'string', pattern: '^[0-9]+$' }, true),
      },
    },
  },
});

function tusPaths(maxUploadBytes: number) {
  return {
    '/files/': {
      post: {
        operationId: 'createUpload',
        summary: 'tus creation: a new upload for one of the caller\'s interviews (one at a time); with a body, creation-with-upload',
        parameters: [
          tusResumable,
          header('Upload-Length', { type: 'integer', minimum: 1, maximum: maxUploadBytes }, false, 'The file size in bytes; or send Upload-Defer-Length'),
          header('Upload-Defer-Length', { type: 'integer', enum: [1] }, false, 'The size is sent later, on a PATCH'),
          header('Upload-Metadata', { type: 'string', pattern: UPLOAD_METADATA }, true, 'interviewId (required), filename, engine, speakers: each "key base64(value)"'),
        ],
        requestBody: { required: false, ...octets },
        responses: {
          201: { description: 'Created', headers: { ...tusResponseHeaders, Location: resHeader('The upload URL', { type: 'string' }, true), 'Upload-Offset': resHeader('Bytes received (creation-with-upload)', { type: 'string', pattern: '^[0-9]+$' }) } },
          ...tusErrors(400, 401, 404, 409, 413),
        },
      },
      options: tusOptions('tusOptions'),
    },
    '/files/{uploadId}': {
      parameters: [uploadIdParam],
      head: {
        operationId: 'getUploadOffset', summary: 'tus: the offset to resume from', parameters: [tusResumable],
        responses: {
          200: { description: 'Upload state', headers: { ...tusResponseHeaders, 'Upload-Offset': resHeader('Bytes received', { type: 'string', pattern: '^[0-9]+$' }, true), 'Upload-Length': resHeader('Total size, once known', { type: 'string', pattern: '^[0-9]+$' }), 'Cache-Control': resHeader('no-store', { type: 'string' }, true) } },
          ...tusErrors(400, 401, 404, 410),
        },
      },
      patch: {
        operationId: 'appendUpload', summary: 'tus: append bytes at Upload-Offset',
        parameters: [tusResumable, header('Upload-Offset', { type: 'integer', minimum: 0 }, true), header('Upload-Length', { type: 'integer', minimum: 1, maximum: maxUploadBytes }, false, 'Only for a deferred length')],
        requestBody: { required: true, ...octets },
        responses: {
          204: { description: 'Appended', headers: { ...tusResponseHeaders, 'Upload-Offset': resHeader('Bytes received', { type: 'string', pattern: '^[0-9]+$' }, true) } },
          ...tusErrors(400, 401, 403, 404, 409, 410, 413),
        },
      },
      delete: { operationId: 'deleteUpload', summary: 'tus termination', parameters: [tusResumable], responses: { 204: { description: 'Removed', headers: tusResponseHeaders }, ...tusErrors(400, 401, 404, 410) } },
    },
  };
}

/**
 * Azure OpenAI on the wire, as `AzureOpenAI` from the `openai` SDK speaks it:
 * `POST /openai/deployments/{deployment}/chat/completions?api-version=…` with an `api-key` header.
 * Scripts are keyed by deployment; unknown deployments answer 404 DeploymentNotFound like Azure.
 */
import { HttpFake, type FakeDialect } from './http-fake.js';
import { chatCompletion, checkChatBody, openAiError } from './openai-fake.js';

export const AZURE_FAKE_KEY = 'azure-test-key';

const DEPLOYMENT_PATH = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/;

export interface AzureFakeOptions {
  apiKey?: string;
  /** Deployments that exist, each with the model it serves (reported back in responses). */
  deployments: Record<string, string>;
}

export const azureOpenAiDialect = (o: AzureFakeOptions): FakeDialect => ({
  route(req) {
    const match = req.method === 'POST' ? DEPLOYMENT_PATH.exec(req.path) : null;
    if (!match || !req.query['api-version']) return { status: 404, body: { error: { code: '404', message: 'Resource not found' } } };
    if (req.headers['api-key'] !== (o.apiKey ?? AZURE_FAKE_KEY)) {
      return { status: 401, body: { error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint.' } } };
    }
    const deployment = decodeURIComponent(match[1]!);
    if (!(deployment in o.deployments)) {
      return { status: 404, body: { error: { code: 'DeploymentNotFound', message: `The API deployment for this resource does not exist.` } } };
    }
    return checkChatBody(req) ?? { target: deployment };
  },
  success: (req, text, usage, seq) => {
    const deployment = DEPLOYMENT_PATH.exec(req.path)![1]!;
    return { ...(chatCompletion(o.deployments[deployment]!, text, usage, seq) as object), prompt_filter_results: [] };
  },
  error: openAiError,
});

export const startAzureOpenAiFake = (o: AzureFakeOptions): Promise<HttpFake> => HttpFake.start(azureOpenAiDialect(o));

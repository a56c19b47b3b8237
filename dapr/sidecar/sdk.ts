/**
 * The @dapr/dapr SDK, as the sidecar adapter uses it: one HTTP DaprClient per app, the actor client
 * (not exported from the SDK's index), and the decoding of the errors its HTTP client throws.
 *
 * The SDK's HTTP client throws `Error(JSON.stringify({ error, error_msg, status }))`, where
 * `error_msg` is daprd's own body `{"errorCode":"ERR_…","message":"…"}`; callers branch on those.
 */
import { CommunicationProtocolEnum, DaprClient, LogLevel } from '@dapr/dapr';
import ActorClientModule from '@dapr/dapr/actors/client/ActorClient/ActorClient.js';

/**
 * The SDK logs every failed call at error level before it reaches us, and we map or rethrow those
 * errors ourselves; its own logging would only repeat them (at "error" for an expected 404).
 */
const quietSdk = () => undefined;
export const sdkLogger = {
  level: LogLevel.Error,
  service: { error: quietSdk, warn: quietSdk, info: quietSdk, verbose: quietSdk, debug: quietSdk },
};

export interface SidecarAddress {
  daprHost: string;
  daprHttpPort: number;
}

export function daprClient(addr: SidecarAddress): DaprClient {
  return new DaprClient({
    daprHost: addr.daprHost,
    daprPort: String(addr.daprHttpPort),
    communicationProtocol: CommunicationProtocolEnum.HTTP,
    logger: sdkLogger,
  });
}

export type SdkActorClient = InstanceType<typeof ActorClientModule.default>['actor'];

export function actorClient(addr: SidecarAddress): SdkActorClient {
  const ActorClient = ActorClientModule.default;
  return new ActorClient(addr.daprHost, String(addr.daprHttpPort), CommunicationProtocolEnum.HTTP, {
    daprHost: addr.daprHost,
    daprPort: String(addr.daprHttpPort),
    communicationProtocol: CommunicationProtocolEnum.HTTP,
    logger: sdkLogger,
  }).actor;
}

export interface DaprFailure {
  status: number;
  /** daprd's errorCode (ERR_STATE_SAVE, ERR_ACTOR_INVOKE_METHOD, …), or '' when the body had none. */
  errorCode: string;
  message: string;
  /** The raw body daprd (or the app, for actor calls) answered with. */
  body: string;
}

/** Decodes an error thrown (or returned as `{ error }`) by the SDK's HTTP client; undefined when it is not one. */
export function daprFailure(err: unknown): DaprFailure | undefined {
  if (!(err instanceof Error)) return undefined;
  let outer: { status?: number; error_msg?: string };
  try {
    outer = JSON.parse(err.message) as typeof outer;
  } catch {
    return undefined;
  }
  if (typeof outer.status !== 'number') return undefined;
  const body = outer.error_msg ?? '';
  let inner: { errorCode?: string; message?: string } = {};
  try {
    inner = JSON.parse(body) as typeof inner;
  } catch {
    // a plain-text body
  }
  return { status: outer.status, errorCode: inner.errorCode ?? '', message: inner.message ?? body, body };
}

/** Several SDK calls return `{ error }` instead of throwing; this makes them throw. */
export function throwIfFailed(result: unknown): void {
  if (result && typeof result === 'object' && 'error' in result && (result as { error: unknown }).error) {
    throw (result as { error: unknown }).error;
  }
}

/** Runtime configuration served by the API (`GET /config.json`): the SPA is built once for every environment. */
export interface AppConfig {
  firebase: { apiKey: string; authDomain: string; projectId: string; emulatorHost?: string };
  maxUploadBytes: number;
  googleSignIn?: boolean;
}

let loaded: Promise<AppConfig> | undefined;
export function loadConfig(): Promise<AppConfig> {
  loaded ??= fetch('/config.json').then((r) => {
    if (!r.ok) throw new Error(`config.json: HTTP ${r.status}`);
    return r.json() as Promise<AppConfig>;
  });
  return loaded;
}

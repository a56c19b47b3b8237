/**
 * Renders every kustomize overlay under k8s/overlays (through `scripts/k8s-render.sh`, the script
 * behind `npm run k8s:render`), validates every object against its schema, then asserts the
 * deployment policies (hardening, Dapr, Istio, NetworkPolicies, autoscaling, Flux).
 *
 * Schemas: kubernetes-models / @kubernetes-models/{istio,flux-cd,keda}; Dapr's own CRD schemas
 * from the dapr module's Helm chart in the Go module cache (charts/dapr/crds) when present, else a
 * zod schema of the required fields (the test logs which one it used).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { beforeAll, describe, expect, test } from '@jest/globals';
import { Ajv } from 'ajv';
import * as apps from 'kubernetes-models/apps/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as core from 'kubernetes-models/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as rbac from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import * as istioNet from '@kubernetes-models/istio/networking.istio.io/v1beta1';
import * as istioSecV1 from '@kubernetes-models/istio/security.istio.io/v1';
import * as istioSecV1beta1 from '@kubernetes-models/istio/security.istio.io/v1beta1';
import * as fluxKustomize from '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1';
import * as fluxSource from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1';
import * as keda from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';

type Obj = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any;
  [k: string]: any;
};

const ROOT = path.resolve(import.meta.dirname, '../..');
const OVERLAYS = fs.readdirSync(path.join(ROOT, 'k8s/overlays')).filter((d) =>
  fs.existsSync(path.join(ROOT, 'k8s/overlays', d, 'kustomization.yaml')),
);
const SERVICES = ['api', 'upload', 'media', 'analysis', 'notify'];
const COMPONENTS = ['statestore', 'pubsub', 'artifacts', 'upload-expiry', 'secrets', 'smtp'];
const APP_NS = 'interview-buddy';
const DAPR_INBOUND = ['3500', '3501', '50001', '50002', '9090'];
const DAPR_OUTBOUND = ['50002', '50005', '50006'];

// ---- schema validation -------------------------------------------------------------------------

type Validator = (o: Obj) => void;
const model =
  (Ctor: new (data: any) => { validate(): void }): Validator =>
  (o) =>
    new Ctor(o).validate();
/** Same schema served under a newer apiVersion than the model package knows (Istio v1 = v1beta1). */
const asVersion =
  (Ctor: new (data: any) => { validate(): void }, apiVersion: string): Validator =>
  (o) =>
    new Ctor({ ...o, apiVersion }).validate();

const MODELS: Record<string, Validator> = {
  'v1/Namespace': model(core.Namespace),
  'v1/ServiceAccount': model(core.ServiceAccount),
  'v1/Service': model(core.Service),
  'v1/ConfigMap': model(core.ConfigMap),
  'v1/Secret': model(core.Secret),
  'apps/v1/Deployment': model(apps.Deployment),
  'autoscaling/v2/HorizontalPodAutoscaler': model(autoscaling.HorizontalPodAutoscaler),
  'policy/v1/PodDisruptionBudget': model(policy.PodDisruptionBudget),
  'networking.k8s.io/v1/NetworkPolicy': model(networking.NetworkPolicy),
  'rbac.authorization.k8s.io/v1/Role': model(rbac.Role),
  'rbac.authorization.k8s.io/v1/RoleBinding': model(rbac.RoleBinding),
  'networking.istio.io/v1beta1/Gateway': model(istioNet.Gateway),
  'networking.istio.io/v1beta1/VirtualService': model(istioNet.VirtualService),
  'networking.istio.io/v1beta1/DestinationRule': model(istioNet.DestinationRule),
  'security.istio.io/v1/AuthorizationPolicy': model(istioSecV1.AuthorizationPolicy),
  'security.istio.io/v1/PeerAuthentication': asVersion(istioSecV1beta1.PeerAuthentication, 'security.istio.io/v1beta1'),
  'source.toolkit.fluxcd.io/v1/GitRepository': model(fluxSource.GitRepository),
  'kustomize.toolkit.fluxcd.io/v1/Kustomization': model(fluxKustomize.Kustomization),
  'keda.sh/v1alpha1/ScaledObject': model(keda.ScaledObject),
  'keda.sh/v1alpha1/TriggerAuthentication': model(keda.TriggerAuthentication),
};

/** Dapr CRD schemas from github.com/dapr/dapr@*\/charts/dapr/crds in the Go module cache. */
function loadDaprCrdValidators(): { source: string; validators: Record<string, Validator> } | null {
  let modCache = process.env.GOMODCACHE;
  if (!modCache) {
    try {
      modCache = execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
    } catch {
      modCache = path.join(os.homedir(), 'go/pkg/mod');
    }
  }
  const daprDir = path.join(modCache, 'github.com/dapr');
  if (!fs.existsSync(daprDir)) return null;
  const versions = fs
    .readdirSync(daprDir)
    .filter((d) => /^dapr@v\d/.test(d) && fs.existsSync(path.join(daprDir, d, 'charts/dapr/crds')))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const newest = versions.at(-1);
  if (!newest) return null;
  const crdDir = path.join(daprDir, newest, 'charts/dapr/crds');
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validators: Record<string, Validator> = {};
  for (const file of fs.readdirSync(crdDir).filter((f) => f.endsWith('.yaml'))) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(crdDir, file), 'utf8'))) {
      const crd = doc.toJS();
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      for (const v of crd.spec.versions) {
        const check = ajv.compile(v.schema.openAPIV3Schema);
        validators[`${crd.spec.group}/${v.name}/${crd.spec.names.kind}`] = (o) => {
          if (!check(o)) throw new Error(ajv.errorsText(check.errors));
        };
      }
    }
  }
  return { source: `${newest} Helm chart CRDs`, validators };
}

/** Fallback when the dapr module is not in the Go module cache: the fields Dapr requires. */
const metadataItem = z.object({
  name: z.string().min(1),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  secretKeyRef: z.object({ name: z.string().min(1), key: z.string().optional() }).optional(),
});
const ZOD_DAPR: Record<string, z.ZodType> = {
  'dapr.io/v1alpha1/Component': z.object({
    metadata: z.object({ name: z.string().min(1) }),
    spec: z.object({ type: z.string().regex(/^[a-z]+\.[a-z0-9.]+$/), version: z.string(), metadata: z.array(metadataItem).optional() }),
    auth: z.object({ secretStore: z.string() }).optional(),
    scopes: z.array(z.string()).optional(),
  }),
  'dapr.io/v1alpha1/Configuration': z.object({ metadata: z.object({ name: z.string() }), spec: z.record(z.string(), z.unknown()) }),
  'dapr.io/v1alpha1/Resiliency': z.object({
    metadata: z.object({ name: z.string() }),
    spec: z.object({ policies: z.record(z.string(), z.unknown()), targets: z.record(z.string(), z.unknown()) }),
  }),
};

const dapr = loadDaprCrdValidators();
const DAPR_VALIDATORS: Record<string, Validator> =
  dapr?.validators ??
  Object.fromEntries(
    Object.entries(ZOD_DAPR).map(([k, s]) => [k, (o: Obj) => void s.parse(o)] as const),
  );

// ---- rendering ---------------------------------------------------------------------------------

function render(overlay: string): Obj[] {
  const out = execFileSync('bash', [path.join(ROOT, 'scripts/k8s-render.sh'), overlay], {
    encoding: 'utf8',
    maxBuffer: 32 * 1024 ** 2,
  });
  return parseAllDocuments(out).map((d) => {
    if (d.errors.length) throw new Error(`${overlay}: YAML error ${d.errors[0]}`);
    return d.toJS() as Obj;
  });
}

const rendered = new Map<string, Obj[]>();
beforeAll(() => {
  execFileSync('bash', [path.join(ROOT, 'scripts/setup-kustomize.sh')], { stdio: 'inherit' });
  for (const o of OVERLAYS) rendered.set(o, render(o));
  console.log(`dapr schemas: ${dapr ? dapr.source : 'zod fallback (dapr module not in the Go module cache)'}`);
});

const objs = (o: string) => rendered.get(o)!;
const ofKind = (o: string, kind: string) => objs(o).filter((x) => x.kind === kind);
const one = (o: string, kind: string, name: string) => {
  const found = objs(o).find((x) => x.kind === kind && x.metadata.name === name);
  if (!found) throw new Error(`${o}: no ${kind}/${name}`);
  return found;
};
const appDeployments = (o: string) => ofKind(o, 'Deployment').filter((d) => SERVICES.includes(d.metadata.name));

test('overlays local and aks exist', () => {
  expect(OVERLAYS).toEqual(expect.arrayContaining(['local', 'aks']));
});

describe.each(OVERLAYS)('overlay %s', (overlay: string) => {
  test('every object validates against its schema', () => {
    const problems: string[] = [];
    for (const o of objs(overlay)) {
      const key = `${o.apiVersion}/${o.kind}`;
      const v = MODELS[key] ?? DAPR_VALIDATORS[key];
      if (!v) {
        problems.push(`${key} ${o.metadata?.name}: no schema`);
        continue;
      }
      try {
        v(o);
      } catch (err) {
        problems.push(`${key} ${o.metadata.name}: ${(err as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('names are unique per kind and namespace; app objects live in the app namespace', () => {
    const seen = new Set<string>();
    for (const o of objs(overlay)) {
      const id = `${o.apiVersion}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
      expect(seen.has(id)).toBe(false);
      seen.add(id);
    }
    for (const kind of ['Deployment', 'Service', 'Component', 'Resiliency', 'NetworkPolicy', 'AuthorizationPolicy']) {
      for (const o of ofKind(overlay, kind)) expect(`${kind}/${o.metadata.name}:${o.metadata.namespace}`).toBe(`${kind}/${o.metadata.name}:${APP_NS}`);
    }
  });

  test('every container is hardened, sized and probed', () => {
    for (const d of ofKind(overlay, 'Deployment')) {
      const pod = d.spec.template.spec;
      const where = `${d.metadata.name}`;
      expect([where, pod.securityContext?.runAsNonRoot]).toEqual([where, true]);
      expect([where, pod.securityContext?.seccompProfile?.type]).toEqual([where, 'RuntimeDefault']);
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      const emptyDirs = new Set((pod.volumes ?? []).filter((v: any) => v.emptyDir).map((v: any) => v.name));
      for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
        const sc = c.securityContext ?? {};
        expect([where, c.name, sc.readOnlyRootFilesystem, sc.allowPrivilegeEscalation, sc.capabilities?.drop]).toEqual([
          where, c.name, true, false, ['ALL'],
        ]);
        expect(sc.runAsUser ?? pod.securityContext.runAsUser).not.toBe(0);
        for (const r of ['requests', 'limits']) {
          expect([where, r, c.resources?.[r]?.cpu != null, c.resources?.[r]?.memory != null]).toEqual([where, r, true, true]);
        }
        expect([where, !!c.readinessProbe, !!c.livenessProbe]).toEqual([where, true, true]);
        const tmp = (c.volumeMounts ?? []).find((m: any) => m.mountPath === '/tmp');
        expect([where, tmp && emptyDirs.has(tmp.name)]).toEqual([where, true]);
        expect(c.image).not.toMatch(/:latest$/);
      }
    }
    for (const d of appDeployments(overlay)) {
      const c = d.spec.template.spec.containers[0];
      expect(c.livenessProbe.httpGet.path).toBe('/healthz');
      expect(c.readinessProbe.httpGet.path).toBe('/readyz');
      expect(c.env).toEqual(expect.arrayContaining([{ name: 'SERVICE', value: d.metadata.name }]));
      const data = c.volumeMounts.find((m: any) => m.mountPath === '/var/lib/interview-buddy');
      expect(d.spec.template.spec.volumes.find((v: any) => v.name === data?.name)?.emptyDir).toBeDefined();
      const cm = one(overlay, 'ConfigMap', c.envFrom[0].configMapRef.name);
      expect(cm.data.DATA_DIR).toBe('/var/lib/interview-buddy');
      expect(cm.data.PORT).toBe('8080');
      // Each pod runs one service next to its own daprd, which calls the app on APP_PORT.
      expect(cm.data.DAPR_MODE).toBe('sidecar');
      expect(cm.data.APP_PORT).toBe(d.spec.template.metadata.annotations['dapr.io/app-port']);
    }
  });

  test('one Deployment per service with Dapr annotations and unique app-ids', () => {
    const deps = appDeployments(overlay);
    expect(deps.map((d) => d.metadata.name).sort()).toEqual([...SERVICES].sort());
    const ids = new Set<string>();
    const configs = new Set(ofKind(overlay, 'Configuration').map((c) => c.metadata.name));
    for (const d of deps) {
      const a = d.spec.template.metadata.annotations;
      expect(a['dapr.io/enabled']).toBe('true');
      expect(a['dapr.io/app-id']).toBe(d.metadata.name);
      expect(a['dapr.io/app-port']).toBe('3000'); // APP_PORT: daprd's calls, apart from the API on 8080
      expect(a['dapr.io/log-as-json']).toBe('true');
      expect(configs.has(a['dapr.io/config'])).toBe(true);
      for (const k of ['cpu-request', 'cpu-limit', 'memory-request', 'memory-limit']) {
        expect(a[`dapr.io/sidecar-${k}`]).toMatch(/^\d+(m|Mi|Gi)?$/);
      }
      ids.add(a['dapr.io/app-id']);
      expect(d.spec.template.spec.serviceAccountName).toBe(d.metadata.name);
    }
    expect(ids.size).toBe(SERVICES.length);
  });

  test('Dapr ports are excluded from the Istio sidecar (mTLS in one layer only)', () => {
    for (const d of appDeployments(overlay)) {
      const a = d.spec.template.metadata.annotations;
      const inbound = a['traffic.sidecar.istio.io/excludeInboundPorts']?.split(',') ?? [];
      const outbound = a['traffic.sidecar.istio.io/excludeOutboundPorts']?.split(',') ?? [];
      expect(inbound).toEqual(expect.arrayContaining(DAPR_INBOUND));
      expect(outbound).toEqual(expect.arrayContaining(DAPR_OUTBOUND));
      expect(inbound).not.toContain('8080'); // app traffic stays on Istio mTLS
    }
  });

  test('Istio: STRICT mTLS, injection on in the app namespace and never in dapr-system', () => {
    const pa = ofKind(overlay, 'PeerAuthentication');
    expect(pa).toHaveLength(1);
    expect(pa[0]!.metadata.namespace).toBe(APP_NS);
    expect(pa[0]!.spec.selector).toBeUndefined();
    expect(pa[0]!.spec.mtls.mode).toBe('STRICT');
    expect(one(overlay, 'Namespace', APP_NS).metadata.labels?.['istio-injection']).toBe('enabled');
    const daprNs = objs(overlay).find((o) => o.kind === 'Namespace' && o.metadata.name === 'dapr-system');
    if (daprNs) expect(daprNs.metadata.labels?.['istio-injection']).toBe('disabled');
    for (const o of objs(overlay).filter((x) => x.metadata.namespace === 'dapr-system')) {
      expect(`${o.kind}/${o.metadata.name}`).toBe('Configuration/daprsystem');
      expect(o.spec.mtls.enabled).toBe(true);
    }
  });

  test('AuthorizationPolicy: deny by default, only the API reachable from the ingress gateway', () => {
    const policies = ofKind(overlay, 'AuthorizationPolicy');
    expect(policies.some((p) => !p.spec || Object.keys(p.spec).length === 0)).toBe(true); // allow-nothing
    const allows = policies.filter((p) => p.spec && Object.keys(p.spec).length > 0 && (p.spec.action ?? 'ALLOW') === 'ALLOW');
    expect(allows.length).toBeGreaterThan(0);
    for (const p of allows) {
      expect(p.spec.selector?.matchLabels?.['app.kubernetes.io/name']).toBe('api');
      const principals = p.spec.rules.flatMap((r: any) => r.from.flatMap((f: any) => f.source.principals ?? []));
      expect(principals.length).toBeGreaterThan(0);
      for (const pr of principals) expect(pr).toMatch(/^cluster\.local\/ns\/[a-z-]*istio-ingress\/sa\/[a-z-]*ingressgateway[a-z-]*$/);
    }
    const gw = ofKind(overlay, 'Gateway');
    expect(gw).toHaveLength(1);
    for (const vs of ofKind(overlay, 'VirtualService')) {
      const hosts = vs.spec.http.flatMap((r: any) => r.route.map((d: any) => d.destination.host));
      expect(new Set(hosts)).toEqual(new Set([`api.${APP_NS}.svc.cluster.local`]));
      const tus = vs.spec.http.find((r: any) => r.match?.some((m: any) => m.uri?.prefix === '/files'));
      const sio = vs.spec.http.find((r: any) => r.match?.some((m: any) => m.uri?.prefix === '/socket.io/'));
      expect(tus?.timeout).toBe('0s');
      expect(sio?.timeout).toBe('0s');
    }
  });

  test('NetworkPolicies: default deny, ingress gateway only to the API', () => {
    const nps = ofKind(overlay, 'NetworkPolicy');
    const deny = nps.find(
      (n) => Object.keys(n.spec.podSelector).length === 0 && !n.spec.ingress && !n.spec.egress &&
        ['Ingress', 'Egress'].every((t) => n.spec.policyTypes.includes(t)),
    );
    expect(deny).toBeDefined();
    const fromGateway = nps.filter((n) =>
      (n.spec.ingress ?? []).some((r: any) =>
        (r.from ?? []).some((f: any) => /istio-ingress/.test(f.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] ?? '')),
      ),
    );
    expect(fromGateway.map((n) => n.spec.podSelector.matchLabels?.['app.kubernetes.io/name'])).toEqual(['api']);
    // No policy opens ingress from everywhere.
    for (const n of nps) for (const r of n.spec.ingress ?? []) expect(r.from?.length ?? 0).toBeGreaterThan(0);
  });

  test('autoscaling for media and analysis; PDBs for every service', () => {
    const hpas = ofKind(overlay, 'HorizontalPodAutoscaler').map((h) => h.spec.scaleTargetRef.name);
    const scaled = ofKind(overlay, 'ScaledObject').map((s) => s.spec.scaleTargetRef.name);
    expect([...hpas, ...scaled].sort()).toEqual(['analysis', 'media']);
    if (scaled.length) {
      expect(hpas).toEqual([]); // KEDA owns the HPA; two autoscalers on one Deployment fight
      for (const s of ofKind(overlay, 'ScaledObject')) {
        const t = s.spec.triggers[0];
        expect(t.type).toBe('redis-streams');
        expect(t.metadata.consumerGroup).toBe(s.spec.scaleTargetRef.name); // Dapr: consumer group = app-id
      }
    }
    const pdbs = ofKind(overlay, 'PodDisruptionBudget').map((p) => p.spec.selector.matchLabels['app.kubernetes.io/name']);
    expect(pdbs.sort()).toEqual([...SERVICES].sort());
  });

  test('Dapr components, Configuration and Resiliency', () => {
    const comps = ofKind(overlay, 'Component');
    expect(comps.map((c) => c.metadata.name).sort()).toEqual([...COMPONENTS].sort());
    const state = comps.find((c) => c.metadata.name === 'statestore')!;
    expect(state.spec.metadata.find((m: any) => m.name === 'actorStateStore')?.value).toBe('true');
    for (const c of comps) {
      for (const m of c.spec.metadata ?? []) {
        if (/password|accountKey|apiKey|connectionString|masterKey|secret/i.test(m.name)) {
          expect([c.metadata.name, m.name, m.value]).toEqual([c.metadata.name, m.name, undefined]);
          expect(m.secretKeyRef).toBeDefined();
        }
      }
      if ((c.spec.metadata ?? []).some((m: any) => m.secretKeyRef)) expect(c.auth?.secretStore).toBeTruthy();
    }
    const cfg = one(overlay, 'Configuration', 'interview-buddy');
    expect(Number(cfg.spec.tracing.samplingRate)).toBeGreaterThan(0);
    const res = ofKind(overlay, 'Resiliency');
    expect(res).toHaveLength(1);
    const { policies, targets } = res[0]!.spec;
    expect(Object.keys(targets.components)).toEqual(expect.arrayContaining(['statestore', 'pubsub']));
    expect(Object.keys(targets.actors ?? {}).length).toBeGreaterThan(0);
    expect(Object.keys(targets.apps ?? {}).length).toBeGreaterThan(0);
    const refs: Array<[string, string]> = [];
    const collect = (t: any) => {
      if (t.timeout) refs.push(['timeouts', t.timeout]);
      if (t.retry) refs.push(['retries', t.retry]);
      if (t.circuitBreaker) refs.push(['circuitBreakers', t.circuitBreaker]);
    };
    for (const t of Object.values<any>(targets.apps ?? {})) collect(t);
    for (const t of Object.values<any>(targets.actors ?? {})) collect(t);
    for (const t of Object.values<any>(targets.components ?? {})) {
      if (t.inbound) collect(t.inbound);
      if (t.outbound) collect(t.outbound);
    }
    for (const [kind, name] of refs) expect([kind, name, name in (policies[kind] ?? {})]).toEqual([kind, name, true]);
  });
});

describe('aks overlays', () => {
  const aksLike = () => OVERLAYS.filter((o) => o.startsWith('aks'));

  test('Azure components, workload identity and a pinned registry image', () => {
    for (const o of aksLike()) {
      const types = Object.fromEntries(ofKind(o, 'Component').map((c) => [c.metadata.name, c.spec.type]));
      expect(types).toEqual({
        statestore: 'state.azure.cosmosdb',
        pubsub: 'pubsub.redis',
        artifacts: 'bindings.azure.blobstorage',
        secrets: 'secretstores.azure.keyvault',
        smtp: 'bindings.smtp',
        'upload-expiry': 'bindings.cron',
      });
      const pubsub = one(o, 'Component', 'pubsub');
      expect(pubsub.spec.metadata.find((m: any) => m.name === 'enableTLS')?.value).toBe('true');
      for (const sa of ofKind(o, 'ServiceAccount')) expect(sa.metadata.annotations?.['azure.workload.identity/client-id']).toBeTruthy();
      for (const d of appDeployments(o)) {
        expect(d.spec.template.metadata.labels['azure.workload.identity/use']).toBe('true');
        expect(d.spec.template.spec.containers[0].image).toMatch(/^[a-z0-9.-]+\.azurecr\.io\/interview-buddy:\d+\.\d+\.\d+$/);
      }
    }
  });

  test('the Service Bus alternative is a valid pubsub component', () => {
    const doc = parseAllDocuments(fs.readFileSync(path.join(ROOT, 'components/aks/pubsub-servicebus.yaml'), 'utf8'))[0]!.toJS();
    expect(doc.metadata.name).toBe('pubsub');
    expect(doc.spec.type).toBe('pubsub.azure.servicebus.topics');
    DAPR_VALIDATORS['dapr.io/v1alpha1/Component']!(doc);
  });

  test('Flux GitRepository + Kustomization sync this overlay', () => {
    for (const o of aksLike()) {
      const repos = ofKind(o, 'GitRepository');
      const ks = ofKind(o, 'Kustomization').filter((k) => k.apiVersion.startsWith('kustomize.toolkit.fluxcd.io'));
      expect(repos).toHaveLength(1);
      expect(ks).toHaveLength(1);
      expect(ks[0]!.spec.sourceRef).toEqual({ kind: 'GitRepository', name: repos[0]!.metadata.name });
      expect(ks[0]!.spec.path).toBe(`./k8s/overlays/${o}`);
      expect(ks[0]!.spec.prune).toBe(true);
      expect(repos[0]!.metadata.namespace).toBe('flux-system');
    }
  });
});

test('the local overlay has no Flux objects and runs one replica per service', () => {
  expect(ofKind('local', 'GitRepository')).toEqual([]);
  for (const d of appDeployments('local')) expect(d.spec.replicas).toBe(1);
});

describe('Dockerfile', () => {
  const text = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const args = Object.fromEntries(
    lines.filter((l) => l.startsWith('ARG ') && l.includes('=')).map((l) => l.slice(4).split('=') as [string, string]),
  );

  test('multi-stage, pinned Node 20 base images', () => {
    const froms = lines.filter((l) => /^FROM /i.test(l)).map((l) => l.split(/\s+/)[1]!.replace(/^\$\{(\w+)\}$/, (_, k) => args[k] ?? ''));
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const f of froms) expect(f).toMatch(/^node:20\.\d+\.\d+-[a-z]+(-slim)?$/);
  });

  test('non-root final user, no ADD of URLs, ffmpeg, production dependencies only', () => {
    const lastFrom = lines.map((l) => /^FROM /i.test(l)).lastIndexOf(true);
    const users = lines.slice(lastFrom).filter((l) => /^USER /i.test(l));
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)!.split(/\s+/)[1]!.split(':')[0]!;
    expect(user).not.toMatch(/^(root|0)$/);
    expect(lines.some((l) => /^ADD\s+.*https?:\/\//i.test(l))).toBe(false);
    expect(text).toMatch(/apt-get install[^\n]*ffmpeg/);
    expect(text).toMatch(/npm ci --omit=dev/);
    expect(text).toMatch(/npm run build/);
    expect(fs.existsSync(path.join(ROOT, '.dockerignore'))).toBe(true);
  });
});

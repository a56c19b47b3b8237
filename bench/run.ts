/** `npm run bench -- [pipeline|upload|analysis ...] [flags]`: runs the named benchmarks (default: all). */
const SUITES = {
  actors: () => import('./actors.js'),
  analysis: () => import('./analysis.js'),
  api: () => import('./api.js'),
  engines: () => import('./engines.js'),
  live: () => import('./live.js'),
  pipeline: () => import('./pipeline.js'),
  scale: () => import('./scale.js'),
  upload: () => import('./upload.js'),
  'upload-queue': () => import('./upload-queue.js'),
  'uploads-concurrent': () => import('./uploads-concurrent.js'),
  webhooks: () => import('./webhooks.js'),
} as const;

const args = process.argv.slice(2);
const names = args.filter((a): a is keyof typeof SUITES => a in SUITES);
const flags = args.filter((a) => !(a in SUITES));
for (const name of names.length ? names : (Object.keys(SUITES) as (keyof typeof SUITES)[])) {
  console.log(`\n== bench ${name}`);
  const mod = await SUITES[name]();
  await mod.main(flags);
}

/**
 * V8 flags the server process starts with: `npm start` (scripts/start.ts), `npm run start:dapr`
 * (scripts/lib/dapr-cluster.ts), the image's ENTRYPOINT (Dockerfile, hence every k8s Deployment) and
 * `npm run bench -- upload` (bench/lib/stack.ts). Node refuses them in NODE_OPTIONS, so each
 * launcher puts them on the command line; keep the Dockerfile's ENTRYPOINT in step with this list
 * (test/integration/upload-node-flags.test.ts checks every launcher).
 *
 * --initial-old-space-size=128 (MB): a floor under the old generation's GC limit. An upload body
 * arrives as one freshly allocated 64 KB Buffer per socket read, and V8 counts that external memory
 * against the old generation's limit. After a few idle seconds V8 sets the limit just above the
 * live heap (about 78 MB here), so during the next upload it started a full mark-compact every
 * ~70 ms: 0.85–1.1 s of main-thread CPU per 256 MB instead of 0.13–0.20 s. That made an upload after
 * a pause 2–3× slower than one right after another (bench: `--idle-s 5`). With the floor, a pause
 * costs nothing (128, 192 and 256 all did; 128 keeps the most headroom under the upload pod's 512 Mi
 * limit). It only moves the first full GC later; idle RSS and the 1 GB upload's RSS stay flat.
 * --max-semi-space-size (16, 32, 64), --min-semi-space-size and --no-memory-reducer did not help.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--initial-old-space-size=128'];

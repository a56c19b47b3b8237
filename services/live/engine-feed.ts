/**
 * Between the LiveSessionActor and this node's caption engine: pushes each new tail of the recording,
 * re-opens an engine session this node lost (restart, actor moved) from the next WebM Cluster with
 * the captured header, so captions resume from then on, and frees slots nobody feeds any more.
 */
import type { LiveEngine } from '../media/live/live-engine.js';
import type { Logger } from '../shared/logger.js';
import { clusterStart, clusterTimecodeMs } from './webm.js';
import type { Progress, Session, Stored } from './live-session.state.js';

const MAX_HEAD_BYTES = 64 * 1024;

export class EngineFeed {
  /** Engine sessions this process opened, with their last push (wall clock of this process). */
  private readonly fed = new Map<string, number>();

  constructor(private readonly engine: LiveEngine, private readonly log: Logger) {}

  touch(id: string): void {
    this.fed.set(id, Date.now());
  }

  /** While the header is not known: the bytes before the first Cluster, from the first chunks. */
  captureHead(st: Stored, tail: Uint8Array): { s: Session; p: Partial<Progress> } {
    if (st.p.headDone) return { s: st.s, p: {} };
    const soFar = Buffer.concat([Buffer.from(st.s.head, 'base64'), tail]);
    const at = clusterStart(soFar);
    if (at >= 0) return { s: { ...st.s, head: soFar.subarray(0, at).toString('base64') }, p: { headDone: true } };
    if (soFar.length > MAX_HEAD_BYTES) return { s: { ...st.s, head: '' }, p: { headDone: true } };
    return { s: { ...st.s, head: soFar.toString('base64') }, p: {} };
  }

  push(id: string, st: Stored, tail: Uint8Array, now: number): void {
    const open = this.engine.get(id);
    if (open) {
      open.push(tail);
      this.touch(id);
      return;
    }
    if (!st.p.headDone || !st.s.head) return;
    const at = clusterStart(tail);
    if (at < 0) return; // mid-Cluster: wait for the next one
    const tc = clusterTimecodeMs(tail, at);
    const t = this.engine.open(id, { questions: st.s.questions, startSec: tc !== null ? tc / 1000 : (now - st.s.startedAt) / 1000 });
    if (t === 'busy') return; // recording goes on; captions only when a slot frees
    this.log.info({ interviewId: id }, 'live captions re-opened on this node');
    t.setQuestion(st.p.question);
    t.push(Buffer.from(st.s.head, 'base64'));
    t.push(tail.subarray(at));
    this.touch(id);
  }

  async close(id: string): Promise<void> {
    this.fed.delete(id);
    await this.engine.get(id)?.close();
  }

  /** Closes engine sessions nobody fed for `idleMs` (their actor ended, was erased or moved away). */
  async sweep(idleMs: number): Promise<number> {
    const now = Date.now();
    const stale = [...this.fed].filter(([, at]) => now - at > idleMs).map(([id]) => id);
    await Promise.all(stale.map((id) => this.close(id)));
    return stale.length;
  }
}

/**
 * A caption engine double with the LiveEngine interface: it "hears" every push as one final
 * caption naming the bytes it got, so a test can see exactly what reached the engine and when.
 */
import type { LiveEngine, LiveOut, LiveTranscription } from '../../../services/media/live/live-engine.js';
import type { LiveQuestion } from '../../../services/api/live.contract.js';

export interface FakeSession extends LiveTranscription {
  readonly id: string;
  readonly bytes: Buffer[];
  readonly startSec: number;
  readonly questions: LiveQuestion[];
  question: number;
  closed: boolean;
  /** What the session says it has decoded (tests set it). */
  positionSec: number;
}

export interface FakeEngine extends LiveEngine {
  readonly opened: FakeSession[];
  /** Forgets every session without closing them, like a restarted process. */
  lose(): void;
}

export function fakeEngine(capacity = 3): FakeEngine {
  const sessions = new Map<string, FakeSession>();
  const opened: FakeSession[] = [];
  return {
    opened,
    capacity,
    get active() {
      return sessions.size;
    },
    open(id, opts) {
      const open = sessions.get(id);
      if (open) return open;
      if (sessions.size >= capacity) return 'busy';
      let out: LiveOut = { captions: [], nudges: [] };
      let segment = 0;
      const s: FakeSession = {
        id, bytes: [], startSec: opts.startSec ?? 0, questions: opts.questions, question: 0, closed: false, positionSec: opts.startSec ?? 0,
        push(b) {
          s.bytes.push(Buffer.from(b));
          out.captions.push({ text: `heard ${b.byteLength} bytes`, final: true, segment: segment++, startSec: 0, endSec: 1, question: s.question });
          if (b.byteLength >= 1000) out.nudges.push({ kind: 'pace_fast', message: 'You are speaking quickly.', atSec: 1, question: s.question });
        },
        setQuestion(i) {
          s.question = i;
        },
        drain() {
          const o = out;
          out = { captions: [], nudges: [] };
          return o;
        },
        async close() {
          s.closed = true;
          if (sessions.get(id) === s) sessions.delete(id);
        },
      };
      sessions.set(id, s);
      opened.push(s);
      return s;
    },
    get: (id) => sessions.get(id),
    lose: () => sessions.clear(),
    async close() {
      await Promise.all([...sessions.values()].map((s) => s.close()));
    },
  };
}

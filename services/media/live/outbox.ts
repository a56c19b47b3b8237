/**
 * Pure: what a session has produced since the last drain, bounded. A caption replaces a queued
 * interim of its segment (the page would replace it anyway); past the cap the oldest interim goes
 * first, then the oldest caption. Nudges keep only the newest few.
 */
import type { LiveCaption, LiveNudge } from '../../api/live.contract.js';

export type Caption = Omit<LiveCaption, 'interviewId'>;
export type NudgeOut = Omit<LiveNudge, 'interviewId'>;
export type LiveOut = { captions: Caption[]; nudges: NudgeOut[] };

export class Outbox {
  private captions: Caption[] = [];
  private nudges: NudgeOut[] = [];
  /** Items dropped because nobody drained in time (for logs). */
  dropped = 0;

  constructor(private readonly maxCaptions = 64, private readonly maxNudges = 8) {}

  caption(c: Caption): void {
    this.captions = this.captions.filter((q) => q.final || q.segment !== c.segment);
    this.captions.push(c);
    while (this.captions.length > this.maxCaptions) {
      const i = this.captions.findIndex((q) => !q.final);
      this.captions.splice(i >= 0 ? i : 0, 1);
      this.dropped++;
    }
  }

  nudge(n: NudgeOut): void {
    this.nudges.push(n);
    if (this.nudges.length > this.maxNudges) {
      this.nudges.shift();
      this.dropped++;
    }
  }

  drain(): LiveOut {
    const out = { captions: this.captions, nudges: this.nudges };
    this.captions = [];
    this.nudges = [];
    return out;
  }
}

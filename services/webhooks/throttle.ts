/**
 * `interview.progress` throttling: an external system wants to know that work moves, not every
 * percent. Pure decision + a small bounded in-memory memory of the last emission per interview
 * (losing it on restart only means one extra progress event).
 */
export interface ProgressMark {
  at: number;
  status: string;
  progress: number;
}

/** Emit when the status changed, or the interval passed and the progress moved. */
export function shouldEmitProgress(last: ProgressMark | undefined, next: ProgressMark, intervalMs: number): boolean {
  if (!last) return true;
  if (next.status !== last.status) return true;
  return next.at - last.at >= intervalMs && next.progress !== last.progress;
}

export class ProgressThrottle {
  private readonly marks = new Map<string, ProgressMark>();

  constructor(
    private readonly intervalMs: number,
    private readonly maxTracked = 10_000,
  ) {}

  /** Records and answers true when this progress should be sent. */
  admit(interviewId: string, next: ProgressMark): boolean {
    if (!shouldEmitProgress(this.marks.get(interviewId), next, this.intervalMs)) return false;
    this.marks.delete(interviewId);
    this.marks.set(interviewId, next);
    if (this.marks.size > this.maxTracked) this.marks.delete(this.marks.keys().next().value!);
    return true;
  }

  forget(interviewId: string): void {
    this.marks.delete(interviewId);
  }
}

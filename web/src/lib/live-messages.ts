/** What the practice page says when the microphone or a live session fails (issue 17). */

/** A live ack error's text for the user; `live_busy` always says to try again in a minute. */
export function liveErrorText(e: { code: string; message: string; retryAfterSec?: number }): string {
  switch (e.code) {
    case 'live_busy':
      return 'Live practice is busy right now: every live session on the server is taken. Try again in a minute.';
    case 'live_unavailable':
      return 'Live practice is not available on this server (no speech engine is installed). You can still upload a recording.';
    case 'recording_too_long':
      return 'The session has reached its longest length, so recording stopped. Press Finish to get your report.';
    case 'live_ended':
      return 'This live session has already ended.';
    case 'live_in_progress':
      return 'You already have a live practice session running (in another tab, or one you just left). Finish it first, or wait a minute and it ends by itself.';
    case 'server_error':
      return 'Something went wrong on the server. Try again.';
    default:
      return e.message || 'The live session failed.';
  }
}

/** getUserMedia's failure in words: denied, no device, busy device, or a browser that cannot record. */
export function micErrorText(err: unknown): string {
  const name = (err as { name?: string } | null)?.name ?? '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Microphone access was denied. Allow the microphone for this site in the browser’s address bar, then press Start again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No microphone was found. Connect one and press Start again.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The microphone is in use by another application or could not be opened.';
    case 'NotSupportedError':
      return 'This browser cannot record audio here.';
    default:
      return `The microphone could not be opened${err instanceof Error && err.message ? `: ${err.message}` : '.'}`;
  }
}

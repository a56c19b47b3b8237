import { Show } from 'solid-js';
import { formatBytes, formatDuration } from '../lib/format';
import { pauseUpload, resumeUpload, type UploadState } from '../stores/uploads';

export function UploadPanel(props: { u: UploadState }) {
  const pct = () => (props.u.total ? Math.floor((props.u.sent / props.u.total) * 100) : 0);
  const status = () => {
    switch (props.u.phase) {
      case 'done': return 'Upload complete';
      case 'paused': return `Paused at ${pct()}% · Resume continues from there`;
      case 'offline': return `You're offline · the upload continues by itself when the connection is back`;
      case 'error': return 'Upload stopped';
      default: return `${pct()}% · ${formatBytes(props.u.speed)}/s${props.u.etaSec !== undefined ? ` · ${formatDuration(props.u.etaSec)} left` : ''}`;
    }
  };
  return (
    <section class="card upload-panel" aria-label="Upload" data-testid="upload-panel" data-phase={props.u.phase}>
      <div class="upload-head">
        <strong>{props.u.fileName}</strong>
        <span class="muted">{formatBytes(props.u.sent)} of {formatBytes(props.u.total)}{props.u.resumed ? ' · resumed' : ''}</span>
      </div>
      <div class="bar" role="progressbar" aria-label="Upload progress" aria-valuemin="0" aria-valuemax="100" aria-valuenow={pct()}>
        <span style={{ width: `${pct()}%` }} />
      </div>
      <div class="upload-foot">
        <span aria-live="polite" data-testid="upload-status">{status()}</span>
        <Show when={props.u.phase === 'uploading'}><button class="btn small" onClick={() => void pauseUpload(props.u.interviewId)}>Pause</button></Show>
        <Show when={props.u.phase === 'paused' || props.u.phase === 'error'}><button class="btn small primary" onClick={() => resumeUpload(props.u.interviewId)}>Resume</button></Show>
      </div>
      <Show when={props.u.error}><p class="error" role="alert">{props.u.error}</p></Show>
    </section>
  );
}

import { A, useNavigate, useParams } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DropZone } from '../components/DropZone';
import { JobEditor } from '../components/JobEditor';
import { QuestionSetPanel } from '../components/QuestionSetPanel';
import { ReportView } from '../components/ReportView';
import { Stepper } from '../components/Stepper';
import { UploadPanel } from '../components/UploadPanel';
import { loadConfig } from '../lib/config';
import { failureAdvice, formatDate } from '../lib/format';
import { checkMedia } from '../lib/upload-check';
import { deleteInterview, interviews, loadInterview, retryInterview } from '../stores/interviews';
import { pendingUploads, startUpload, uploads } from '../stores/uploads';

export default function InterviewPage() {
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const [res] = createResource(() => params.id, loadInterview);
  const d = () => interviews.detail(params.id);
  const [error, setError] = createSignal('');
  const pending = () => pendingUploads()[params.id];
  const receiving = () => d()?.status === 'created' || d()?.status === 'uploading';

  const pick = async (f: File) => {
    const problem = checkMedia(f, (await loadConfig()).maxUploadBytes);
    setError(problem ?? '');
    if (!problem) void startUpload(params.id, f);
  };
  const [confirming, setConfirming] = createSignal(false);
  const [deleting, setDeleting] = createSignal(false);
  const remove = async () => {
    setDeleting(true);
    try {
      await deleteInterview(params.id);
      navigate('/', { replace: true });
    } catch (err) {
      setError((err as Error).message);
      setConfirming(false);
    } finally {
      setDeleting(false);
    }
  };

  return (
    <div class="page">
      <Show when={!res.error} fallback={<div class="card empty"><h2>Interview not found</h2><p>It may have been deleted.</p><A href="/" class="btn">Back to interviews</A></div>}>
        <Show when={d()} fallback={<div class="skeleton" aria-busy="true" />}>
          {(i) => (
            <>
              <div class="page-head">
                <div>
                  <p class="crumb"><A href="/">Interviews</A> /</p>
                  <h1>{i().title}</h1>
                  <p class="muted">{[i().role, i().company].filter(Boolean).join(' · ')}{i().role || i().company ? ' · ' : ''}{formatDate(i().createdAt)}</p>
                </div>
                <div class="head-actions no-print">
                  <button class="btn ghost small danger" onClick={() => setConfirming(true)}>Delete</button>
                </div>
              </div>
              <Show when={confirming()}>
                <ConfirmDialog title="Delete this interview?" confirmLabel="Delete interview" busy={deleting()} onCancel={() => setConfirming(false)} onConfirm={() => void remove()}>
                  <p>“{i().title}”, its recording, transcript and report are erased for good. This cannot be undone.</p>
                </ConfirmDialog>
              </Show>
              <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
              <JobEditor interview={i()} />
              <Switch>
                <Match when={i().status === 'completed'}>
                  <ReportView id={i().id} title={i().title} />
                </Match>
                <Match when={true}>
                  <section class="card progress-card" aria-label="Progress">
                    <h2>{i().status === 'failed' ? 'Analysis stopped' : receiving() ? 'Receiving your recording' : 'Analysing your interview'}</h2>
                    <p class="muted">{receiving()
                      ? 'Keep this tab open until the upload finishes; after that you can leave and we keep working.'
                      : 'This page updates by itself. You can leave it; we keep working.'}</p>
                    <Stepper status={i().status} progress={i().progress} stage={i().stage} />
                    <Show when={i().status === 'failed' && i().error}>
                      {(err) => {
                        const advice = failureAdvice(err().code);
                        return (
                          <div class="failure" role="alert">
                            <strong>{err().message}</strong>
                            <p>{advice.text}</p>
                            <Show when={advice.action === 'retry'} fallback={<A class="btn primary" href="/new">Upload a new recording</A>}>
                              <button class="btn primary" onClick={() => void retryInterview(i().id).catch((e: Error) => setError(e.message))}>Retry</button>
                            </Show>
                          </div>
                        );
                      }}
                    </Show>
                  </section>
                  <Show when={uploads[params.id]}>{(u) => <UploadPanel u={u()} />}</Show>
                  <Show when={!uploads[params.id] && (i().status === 'created' || i().status === 'uploading')}>
                    <section class="card">
                      <h3>{pending() ? `Resume uploading “${pending()!.fileName}”` : 'Upload the recording'}</h3>
                      <p class="muted">{pending() ? 'Choose the same file again: the upload continues where it stopped.' : 'Choose the recording for this interview.'}</p>
                      <DropZone id="resume-media" testid="media-input" label="Drop the recording or click to choose" hint="MP4, MOV, M4A, MP3, WAV or WebM" accept="audio/*,video/*" onFile={(f) => void pick(f)} />
                    </section>
                  </Show>
                </Match>
              </Switch>
              <Show when={i().jobDescription && i().status !== 'analyzing'}>
                <QuestionSetPanel interviewId={i().id} />
              </Show>
            </>
          )}
        </Show>
      </Show>
    </div>
  );
}

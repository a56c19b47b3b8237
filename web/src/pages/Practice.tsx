/**
 * Live practice (issue 17): pick a question set, Start (microphone → `live.start`), answer each
 * question out loud while captions and gentle nudges come back, Next, Finish → the interview page,
 * where the usual progress and the report from the full recording appear.
 */
import { A, useNavigate } from '@solidjs/router';
import { createSignal, onCleanup, Show } from 'solid-js';
import { LiveCaptions, LiveNudges } from '../components/LiveFeed';
import { PracticeSetPicker, type PracticeSet } from '../components/PracticeSetPicker';
import type { LiveCaption, LiveNudge, LiveQuestion } from '../../../services/api/live.contract';
import { addCaption, addNudge } from '../lib/caption-list';
import { formatDate } from '../lib/format';
import { liveErrorText, micErrorText } from '../lib/live-messages';
import { LiveSession, pickMimeType } from '../lib/live-session';
import { liveSocket } from '../stores/live';

type Phase = 'setup' | 'starting' | 'live' | 'finishing';

const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
const kB = (n: number) => `${Math.ceil(n / 1024).toLocaleString('en')} kB`;

export default function Practice() {
  const navigate = useNavigate();
  const [picked, setPicked] = createSignal<PracticeSet>();
  const [readAloud, setReadAloud] = createSignal(true);
  const [phase, setPhase] = createSignal<Phase>('setup');
  const [questions, setQuestions] = createSignal<LiveQuestion[]>([]);
  const [index, setIndex] = createSignal(0);
  const [captions, setCaptions] = createSignal<LiveCaption[]>([]);
  const [nudges, setNudges] = createSignal<LiveNudge[]>([]);
  const [link, setLink] = createSignal({ connected: true, unackedBytes: 0, recording: false });
  const [elapsed, setElapsed] = createSignal(0);
  const [micError, setMicError] = createSignal('');
  const [error, setError] = createSignal('');
  const [warning, setWarning] = createSignal('');
  const [interviewId, setInterviewId] = createSignal('');
  /** With live_in_progress: the user's other running session, which they can finish from here. */
  const [running, setRunning] = createSignal<string>();
  let session: LiveSession | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  const speak = (text: string) => {
    if (!readAloud() || !('speechSynthesis' in window)) return;
    speechSynthesis.cancel();
    speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  };
  const warnBeforeLeaving = (e: BeforeUnloadEvent) => e.preventDefault();
  const stopClock = () => {
    clearInterval(timer);
    window.removeEventListener('beforeunload', warnBeforeLeaving);
  };

  const start = async () => {
    const chosen = picked();
    if (!chosen) return;
    setMicError('');
    setError('');
    setWarning('');
    setRunning(undefined);
    const mimeType = pickMimeType();
    if (!navigator.mediaDevices?.getUserMedia || !mimeType) return void setMicError('This browser cannot record audio here.');
    setPhase('starting');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
    } catch (err) {
      setMicError(micErrorText(err));
      return void setPhase('setup');
    }
    const qs = chosen.set.questions.slice(0, 30).map((q) => ({ text: q.text.slice(0, 500), kind: q.kind }));
    const started = await LiveSession.start(liveSocket(), stream, mimeType, {
      title: `Practice — ${formatDate(new Date().toISOString())}`,
      questions: qs,
      ...(chosen.jobDescription && { jobDescription: chosen.jobDescription }),
    }, {
      caption: (c) => setCaptions((l) => addCaption(l, c)),
      nudge: (n) => setNudges((l) => addNudge(l, n)),
      status: setLink,
      warning: setWarning,
      fatal: (e) => setError(liveErrorText(e)),
    }).catch((err: Error) => ({ code: 'invalid_live_request' as const, message: err.message }));
    if (!(started instanceof LiveSession)) {
      stream.getTracks().forEach((t) => t.stop());
      setError(liveErrorText(started));
      setRunning(started.code === 'live_in_progress' ? started.interviewId : undefined);
      return void setPhase('setup');
    }
    session = started;
    setInterviewId(started.interviewId);
    setQuestions(qs);
    setIndex(0);
    setCaptions([]);
    setNudges([]);
    setElapsed(0);
    const t0 = Date.now();
    timer = setInterval(() => setElapsed(Math.floor((Date.now() - t0) / 1000)), 1000);
    window.addEventListener('beforeunload', warnBeforeLeaving);
    setPhase('live');
    speak(qs[0]!.text);
  };

  const next = async () => {
    const i = index() + 1;
    if (!session || i >= questions().length) return;
    setIndex(i);
    speak(questions()[i]!.text);
    const e = await session.setQuestion(i);
    if (e) setError(liveErrorText(e));
  };

  const finish = async () => {
    if (!session) return;
    setPhase('finishing');
    if ('speechSynthesis' in window) speechSynthesis.cancel();
    const e = await session.finish((n) => setLink((l) => ({ ...l, unackedBytes: n })));
    if (e) {
      setError(liveErrorText(e));
      return void setPhase('live');
    }
    stopClock();
    const id = session.interviewId;
    session = undefined;
    navigate(`/interviews/${id}`);
  };

  const finishRunning = async (id: string) => {
    const r = await liveSocket().timeout(20_000).emitWithAck('live.finish', { interviewId: id }).catch(() => undefined);
    if (r && !r.ok && r.error.code !== 'live_ended') return void setError(liveErrorText(r.error));
    setRunning(undefined);
    setError(r ? '' : 'The server did not answer. Try again.');
  };

  // Leaving the page mid-session: what was recorded becomes a normal interview now, not after the resume grace.
  onCleanup(() => {
    stopClock();
    const s = session;
    if (s) void s.finish().then((e) => e && s.close(), () => s.close());
    if ('speechSynthesis' in window) speechSynthesis.cancel();
  });

  const current = () => questions()[index()];
  return (
    <div class="page narrow practice">
      <h1>Live practice</h1>
      <Show when={phase() === 'setup' || phase() === 'starting'}>
        <p class="muted">Answer interview questions out loud. Captions and gentle nudges appear while you speak; when you finish you get the full report, as for an uploaded recording.</p>
        <PracticeSetPicker onPick={setPicked} />
        <label class="check"><input type="checkbox" checked={readAloud()} onChange={(e) => setReadAloud(e.currentTarget.checked)} /> Read each question aloud</label>
        <div class="actions">
          <button class="btn primary" type="button" disabled={!picked() || phase() === 'starting'} onClick={() => void start()}>
            {phase() === 'starting' ? 'Starting…' : 'Start'}
          </button>
        </div>
      </Show>
      <Show when={micError()}>
        <div class="error" role="alert" data-testid="mic-error">
          <p>{micError()}</p>
          <p>You can also record your answers with any app and <A href="/new">upload the recording</A>.</p>
        </div>
      </Show>
      <Show when={error()}>
        <div class="error" role="alert" data-testid="live-error">
          <p>{error()}</p>
          <Show when={running()}>{(id) => (
            <p><button class="btn small" type="button" onClick={() => void finishRunning(id())}>Finish that session</button> <A href={`/interviews/${id()}`}>Open it</A></p>
          )}</Show>
        </div>
      </Show>
      <Show when={warning()}><p class="warning" role="alert" data-testid="live-warning">{warning()}</p></Show>
      <Show when={(phase() === 'live' || phase() === 'finishing') && current()}>
        {(q) => (
          <>
            <section class="card practice-question" aria-labelledby="h-question" data-interview={interviewId()}>
              <p class="muted" id="h-question">Question {index() + 1} of {questions().length}</p>
              <p class="question-text" data-testid="practice-question" data-index={index()}>{q().text}</p>
              <div class="practice-bar">
                <span class={link().recording ? 'rec on' : 'rec'}><span class="rec-dot" aria-hidden="true" />{link().recording ? `Recording ${mmss(elapsed())}` : 'Not recording'}</span>
                <Show when={!link().connected}><span class="muted" role="status">Reconnecting…</span></Show>
                <Show when={link().unackedBytes > 64 * 1024 || phase() === 'finishing'}><span class="muted">{kB(link().unackedBytes)} still to send</span></Show>
                <span class="grow" />
                <Show when={index() + 1 < questions().length}>
                  <button class="btn" type="button" disabled={phase() === 'finishing'} onClick={() => void next()}>Next question</button>
                </Show>
                <button class="btn primary" type="button" disabled={phase() === 'finishing'} onClick={() => void finish()}>
                  {phase() === 'finishing' ? 'Finishing…' : 'Finish'}
                </button>
              </div>
            </section>
            <LiveNudges nudges={nudges()} />
            <LiveCaptions captions={captions()} />
          </>
        )}
      </Show>
    </div>
  );
}

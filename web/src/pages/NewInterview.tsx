import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DropZone } from '../components/DropZone';
import { JobDescriptionField, jobDescriptionProblem } from '../components/JobDescriptionField';
import { loadConfig } from '../lib/config';
import { checkMedia, checkTranscript } from '../lib/upload-check';
import type { SavedJob } from '../lib/types';
import { createInterview, uploadTranscript } from '../stores/interviews';
import { deleteJob, listJobs, saveJob } from '../stores/jobs';
import { pendingUploads, startUpload } from '../stores/uploads';

export default function NewInterview() {
  const navigate = useNavigate();
  const [config] = createResource(loadConfig);
  const [media, setMedia] = createSignal<File>();
  const [transcript, setTranscript] = createSignal<File>();
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const pending = Object.entries(pendingUploads());
  // A failed list only hides the picker: the job description field works without it.
  const [jobs, { refetch: refetchJobs }] = createResource(() => listJobs().catch(() => []));
  const [jd, setJd] = createSignal('');
  const [picked, setPicked] = createSignal<SavedJob>();
  const [jobNote, setJobNote] = createSignal<{ ok: boolean; text: string }>();
  const [removing, setRemoving] = createSignal(false);
  let form!: HTMLFormElement;
  const field = (k: string) => (form.elements.namedItem(k) as HTMLInputElement | null)?.value.trim() ?? '';

  const pickJob = (id: string) => {
    const job = jobs()?.find((j) => j.id === id);
    setPicked(job);
    setJobNote(undefined);
    if (!job) return;
    setJd(job.jobDescription);
    // Fill the role and company from the saved job, without overwriting what was typed.
    const role = form.elements.namedItem('role') as HTMLInputElement;
    const company = form.elements.namedItem('company') as HTMLInputElement;
    if (!role.value.trim()) role.value = job.title;
    if (job.company && !company.value.trim()) company.value = job.company;
  };
  const keepJob = async () => {
    const text = jd().trim();
    if (!text) return setJobNote({ ok: false, text: 'Paste a job description to save it.' });
    const problem = jobDescriptionProblem(text);
    if (problem) return setJobNote({ ok: false, text: problem });
    try {
      const title = field('role') || field('title') || 'Saved job';
      const job = await saveJob({ title, ...(field('company') && { company: field('company') }), jobDescription: text });
      await refetchJobs();
      setPicked(job);
      setJobNote({ ok: true, text: `Saved as “${job.title}”. Pick it from “Saved jobs” next time.` });
    } catch (err) {
      setJobNote({ ok: false, text: (err as Error).message });
    }
  };
  const removeJob = async (job: SavedJob) => {
    try {
      await deleteJob(job.id);
      await refetchJobs();
      setPicked(undefined);
      setJobNote({ ok: true, text: `“${job.title}” removed from your saved jobs.` });
    } catch (err) {
      setJobNote({ ok: false, text: (err as Error).message });
    } finally {
      setRemoving(false);
    }
  };

  const pickMedia = (f: File) => {
    const problem = checkMedia(f, config()?.maxUploadBytes ?? 2 * 1024 ** 3);
    setError(problem ?? '');
    if (!problem) setMedia(f);
  };
  const pickTranscript = (f: File) => {
    const problem = checkTranscript(f);
    setError(problem ?? '');
    if (!problem) setTranscript(f);
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!media() && !transcript()) return setError('Add a recording (or a transcript file) to analyse.');
    const problem = jobDescriptionProblem(jd());
    if (problem) return setError(problem);
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const text = (k: string) => String(form.get(k) ?? '').trim() || undefined;
    setBusy(true);
    setError('');
    try {
      const created = await createInterview({ title: text('title') ?? 'Untitled interview', role: text('role'), company: text('company'), prepNotes: text('prepNotes'), jobDescription: jd().trim() || undefined });
      if (transcript()) await uploadTranscript(created.id, transcript()!);
      else void startUpload(created.id, media()!, { speakers: text('speakers') ?? 'auto' });
      navigate(`/interviews/${created.id}`);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <div class="page narrow">
      <h1>New interview</h1>
      <p class="muted">Your recording is analysed and never played back or shared. Only you can see the report.</p>
      <Show when={pending.length}>
        <div class="notice" role="status">
          <strong>An upload was interrupted.</strong>{' '}
          <For each={pending}>{([id, p]) => <A href={`/interviews/${id}`}>Resume “{p.fileName}”</A>}</For>
        </div>
      </Show>
      <form ref={form} class="card form" onSubmit={submit}>
        <label for="title">Title</label>
        <input id="title" name="title" required maxlength="200" placeholder="e.g. Backend engineer — mock round 2" />
        <div class="two">
          <div><label for="role">Role <span class="muted">(optional)</span></label><input id="role" name="role" maxlength="200" placeholder="Senior engineer" /></div>
          <div><label for="company">Company <span class="muted">(optional)</span></label><input id="company" name="company" maxlength="200" placeholder="Acme" /></div>
        </div>
        <label for="prepNotes">Prep notes <span class="muted">(optional: one point per line; we check which ones you covered)</span></label>
        <textarea id="prepNotes" name="prepNotes" rows="4" placeholder={'- billing migration: three phases\n- led a team of four'} />
        <Show when={jobs()?.length}>
          <label for="saved-job">Saved jobs</label>
          <div class="saved-jobs">
            <select id="saved-job" value={picked()?.id ?? ''} onChange={(e) => pickJob(e.currentTarget.value)}>
              <option value="">Choose a saved job…</option>
              <For each={jobs()}>{(j) => <option value={j.id}>{j.title}{j.company ? ` · ${j.company}` : ''}</option>}</For>
            </select>
            <Show when={picked()}>{(j) => <button class="btn ghost small danger" type="button" aria-label={`Delete saved job ${j().title}`} onClick={() => setRemoving(true)}>Delete</button>}</Show>
          </div>
        </Show>
        <JobDescriptionField id="jobDescription" value={jd()} onInput={(v) => { setJd(v); setJobNote(undefined); }}>
          <Show when={jd().trim() && jd().trim() !== picked()?.jobDescription.trim()}>
            <button class="link" type="button" onClick={() => void keepJob()}>Save this job</button>
          </Show>
        </JobDescriptionField>
        <div aria-live="polite"><Show when={jobNote()}>{(n) => <p class={n().ok ? 'success' : 'error'} role={n().ok ? 'status' : 'alert'}>{n().text}</p>}</Show></div>
        <span class="label">Recording</span>
        <DropZone id="media" testid="media-input" label="Drop your recording here or click to choose" hint="MP4, MOV, M4A, MP3, WAV or WebM · up to 2 GB" accept="audio/*,video/*,.mp4,.mov,.m4a,.mp3,.wav,.webm,.mkv" file={media()} onFile={pickMedia} />
        <fieldset class="speakers">
          <legend>Who speaks in the recording?</legend>
          <label><input type="radio" name="speakers" value="1" /> It's just me</label>
          <label><input type="radio" name="speakers" value="2" /> Me and an interviewer</label>
          <label><input type="radio" name="speakers" value="3+" /> Panel</label>
          <label><input type="radio" name="speakers" value="auto" checked /> Not sure</label>
          <p class="muted">Voices are told apart without any cloud service. Saying how many people speak makes it reliable; "not sure" only tells one voice from two clearly different ones.</p>
        </fieldset>
        <details class="extra">
          <summary>Already have a transcript? (optional)</summary>
          <p class="muted">A WebVTT or SRT file from Zoom, Teams or Meet skips transcription and keeps speaker names.</p>
          <DropZone id="transcript" testid="transcript-input" label="Drop a .vtt or .srt file" hint="up to 5 MB" accept=".vtt,.srt,.txt" file={transcript()} onFile={pickTranscript} />
        </details>
        <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
        <div class="actions">
          <A href="/" class="btn ghost">Cancel</A>
          <button class="btn primary" type="submit" disabled={busy()}>{busy() ? 'Starting…' : 'Analyse interview'}</button>
        </div>
      </form>
      <Show when={removing() && picked()}>
        {(j) => (
          <ConfirmDialog title="Delete this saved job?" confirmLabel="Delete saved job" onCancel={() => setRemoving(false)} onConfirm={() => void removeJob(j())}>
            <p>“{j().title}” is removed from your saved jobs. Interviews that used it keep their copy.</p>
          </ConfirmDialog>
        )}
      </Show>
    </div>
  );
}

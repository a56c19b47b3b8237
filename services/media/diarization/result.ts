/**
 * What python/diarize.py prints, checked (it crosses a process boundary), and how it changes a
 * transcript (pure).
 */
import { z } from 'zod';
import type { Transcript } from '../../transcripts/transcript.js';
import { assignSpeakers, type SpeakerTurn } from './assign.js';
import type { SpeakerCount } from './speakers.js';

const speakerStat = z.object({ label: z.string(), seconds: z.number(), confidence: z.number(), windows: z.number().optional() });

export const diarizationSchema = z.object({
  duration: z.number(),
  requested: z.string(),
  speech: z.array(z.tuple([z.number(), z.number()])),
  turns: z.array(z.tuple([z.number(), z.number(), z.string()])),
  speakers: z.array(speakerStat),
  count: z.number().int(),
  /** `auto` only: what it decided. */
  auto: z.enum(['one_voice', 'two_voices']).optional(),
  /** Labels of speakers whose windows are seldom clearly theirs. */
  doubtful: z.array(z.string()),
  separation: z.object({ max_centroid_cos: z.number(), mean_margin: z.number().optional(), silhouette: z.number().optional() }).optional(),
  timing: z.object({ total_sec: z.number() }).passthrough(),
});
export type Diarization = z.infer<typeof diarizationSchema>;
export type SpeakerStat = z.infer<typeof speakerStat>;

export const turnsOf = (d: Diarization): SpeakerTurn[] => d.turns.map(([start, end, speaker]) => ({ start, end, speaker }));

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * Pure: the transcript with the diarizer's speakers on its words, `diarized: true`, per-speaker
 * figures in `speakerStats`, and notes that say how the speakers were found and when to doubt
 * them. One voice under `auto` leaves the transcript as it was (single speaker, as today).
 */
export function applyDiarization(t: Transcript, d: Diarization, requested: SpeakerCount): Transcript {
  const speaking = d.speakers.filter((s) => s.seconds > 0);
  if (speaking.length < 2 || t.words.length === 0) {
    if (requested === '2' || requested === '3+') {
      return {
        ...t,
        notes: [
          ...(t.notes ?? []),
          `You said ${requested === '2' ? 'two people' : 'three or more people'} speak in this recording, but only one voice was heard in it; all speech was taken to be the candidate's.`,
        ],
      };
    }
    return t;
  }
  const { words, byNearest } = assignSpeakers(t.words, turnsOf(d));
  const withWords = new Set(words.map((w) => w.speaker));
  const stats = speaking.filter((s) => withWords.has(s.label)).map((s) => ({ speaker: s.label, seconds: s.seconds, confidence: s.confidence }));
  const how = requested === 'auto' ? 'two clearly different voices were heard' : `you said ${requested === '2' ? 'two people' : 'three or more people'} speak`;
  const notes = [
    `Speakers were told apart offline by their voices (${how}): ` +
      stats.map((s) => `${s.speaker} ${s.seconds.toFixed(0)} s, confidence ${pct(s.confidence)}`).join('; ') +
      '. Confidence is the share of a speaker\'s speech that sounds clearly like them rather than like another speaker.',
  ];
  const doubtful = d.doubtful.filter((l) => withWords.has(l));
  if (doubtful.length > 0) {
    notes.push(
      `The voices are hard to tell apart (${doubtful.join(', ')} ${doubtful.length === 1 ? 'is' : 'are'} seldom clearly one voice), ` +
        'so some words may be given to the wrong speaker, and talk ratio and questions may be off.',
    );
  }
  if (byNearest > 0) notes.push(`${byNearest} word(s) fell outside every speaker turn and were given to the nearest one.`);
  return { ...t, words, diarized: true, speakerStats: stats, notes: [...(t.notes ?? []), ...notes] };
}

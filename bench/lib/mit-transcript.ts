/**
 * A real interview for benchmarks that need realistic artifacts: the longest MIT mock-interview
 * transcript of ../shared/testdata (Naim et al.), timed at 150 WPM, as a Transcript, as the WebVTT a
 * user would import, and as the report the local analyzer makes of it.
 */
import { mitTranscriptWords } from '../../eval/ground-truth.js';
import { buildReport } from '../../services/analysis/report.pipeline.js';
import type { Report } from '../../services/analysis/report.schema.js';
import { type Transcript, transcriptText } from '../../services/transcripts/transcript.js';

export const MIT_FILE = 'transcripts/mit_interview_pp25.txt';

export function mitTranscript(file = MIT_FILE): Transcript {
  // 0.3 s per word + 0.1 s gap = 150 words per minute, a typical conversational pace.
  const words = mitTranscriptWords(file, { wordSec: 0.3, gapSec: 0.1 });
  return { engine: 'import', durationSec: Math.ceil(words.at(-1)!.end), words, text: transcriptText(words), diarized: true };
}

const stamp = (sec: number): string => {
  const h = Math.floor(sec / 3600), m = Math.floor((sec % 3600) / 60), s = sec % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(3).padStart(6, '0')}`;
};

/** One cue per speaker turn, with the speaker as a WebVTT voice tag. */
export function toVtt(t: Transcript): string {
  const cues: string[] = [];
  for (let i = 0; i < t.words.length;) {
    const speaker = t.words[i]!.speaker;
    let j = i;
    while (j < t.words.length && t.words[j]!.speaker === speaker && j - i < 40) j++;
    const turn = t.words.slice(i, j);
    cues.push(`${stamp(turn[0]!.start)} --> ${stamp(turn.at(-1)!.end)}\n<v ${speaker ?? 'Speaker'}>${turn.map((w) => w.text).join(' ')}`);
    i = j;
  }
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

export const mitReport = (t: Transcript = mitTranscript()): Promise<Report> => buildReport(t, { prepNotes: '- leadership\n- teamwork\n- weaknesses' });

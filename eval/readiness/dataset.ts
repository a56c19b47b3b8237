/**
 * The MIT training split as the readiness model sees it: every training interview run through the
 * product's own path (transcript import → buildReport, offline), once as the untimed
 * `Interviewer:`/`Interviewee:` text and once as timed WebVTT built from prosody.csv (timed-vtt.ts),
 * with its human Overall rating. Held-out interviews are never read (they are not in testdata).
 */
import { readFileSync } from 'node:fs';
import { buildReport } from '../../services/analysis/report.pipeline.js';
import type { Report } from '../../services/analysis/report.schema.js';
import type { Variant } from '../../services/analysis/readiness/features.js';
import { parseTranscriptFile } from '../../services/transcripts/parse.js';
import { testdataPath } from '../../test/helpers/testdata.js';
import { timedVtt, type ProtocolId } from '../mit/timed-vtt.js';

export interface Interview {
  readonly id: string;
  readonly participant: string;
  readonly overall: number;
  readonly text: string;
  readonly durations: Partial<Record<ProtocolId, number>>;
}

const csv = (file: string): string[][] => readFileSync(testdataPath(file), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));

export function trainingInterviews(): Interview[] {
  const overall = new Map(csv('transcripts/mit_interview_scores.csv').map((r) => [r[0]!.toLowerCase(), Number(r[1])]));
  const duration = new Map(csv('transcripts/mit/prosody.csv').map((r) => [r[0]!.toLowerCase(), Number(r[1])]));
  const split = readFileSync(testdataPath('transcripts/mit/split.tsv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split('\t'));
  const out: Interview[] = [];
  for (const [participant, side] of split) {
    if (side !== 'train') continue;
    for (const id of [`p${participant}`, `pp${participant}`]) {
      const rating = overall.get(id);
      if (rating === undefined) continue;
      const durations: Partial<Record<ProtocolId, number>> = {};
      for (const q of [1, 2, 3, 4, 5] as const) {
        const d = duration.get(`${id}q${q}`);
        if (d !== undefined) durations[`Q${q}`] = d;
      }
      out.push({ id, participant: participant!, overall: rating, text: readFileSync(testdataPath(`transcripts/mit/mit_interview_${id}.txt`), 'utf8'), durations });
    }
  }
  return out;
}

/** The report the product would give for this interview, with or without times. */
export function reportOf(iv: Interview, variant: Variant): Promise<Report> {
  const transcript =
    variant === 'timed' ? parseTranscriptFile(timedVtt(iv.text, iv.durations), `${iv.id}.vtt`) : parseTranscriptFile(iv.text, `${iv.id}.txt`);
  return buildReport(transcript);
}

/**
 * The MIT Interview Dataset transcripts (../shared/testdata/transcripts/mit, read in place, never
 * copied): plain `Interviewer:` / `Interviewee:` lines without times, a few unlabelled continuation
 * lines and [annotations], and three label typos. Every file must give exactly those two speakers
 * and `timed: false`; the 11 transcripts of mit_interview_stats.tsv must give its word counts.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { parseTranscriptFile } from '../../../services/transcripts/parse.js';
import { hasTestdata, testdataPath } from '../../helpers/testdata.js';

const mitFile = (name: string): string => testdataPath('transcripts/mit', name);

/**
 * Where the TSV and the parser differ, and why the parser is right. The TSV's rule knows only the
 * exact labels and gives any other line to the previous speaker, so pp25's "Intrviewer: Mmm Hmm"
 * counts there as three words of the Interviewee, the misspelt label included. The parser reads
 * "Intrviewer" as a typo of Interviewer: "Mmm Hmm" goes to the Interviewer, and a label is no word.
 */
const TYPO_SHIFT: Record<string, { interviewer: number; interviewee: number }> = { pp25: { interviewer: +2, interviewee: -3 } };

function readStats(): { participant: string; interviewer: number; interviewee: number }[] {
  const [header, ...rows] = readFileSync(testdataPath('transcripts/mit_interview_stats.tsv'), 'utf8').trim().split('\n');
  const cols = header!.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    const col = (name: string): string => cells[cols.indexOf(name)]!;
    return { participant: col('participant'), interviewer: Number(col('interviewer_words')), interviewee: Number(col('interviewee_words')) };
  });
}

const wordsBySpeaker = (file: string): Map<string | undefined, number> => {
  const counts = new Map<string | undefined, number>();
  for (const w of parseTranscriptFile(readFileSync(file, 'utf8'), file).words) counts.set(w.speaker, (counts.get(w.speaker) ?? 0) + 1);
  return counts;
};

(hasTestdata() ? describe : describe.skip)('MIT interview transcripts', () => {
  const files = hasTestdata() ? readdirSync(testdataPath('transcripts/mit')).filter((f) => f.endsWith('.txt')).sort() : [];

  it('are the 70 training transcripts', () => expect(files).toHaveLength(70));

  it.each(files)('%s: exactly Interviewer and Interviewee, untimed', (name) => {
    const t = parseTranscriptFile(readFileSync(mitFile(name), 'utf8'), name);
    expect(new Set(t.words.map((w) => w.speaker))).toEqual(new Set(['Interviewer', 'Interviewee']));
    expect(t).toMatchObject({ timed: false, diarized: true });
    expect(t.durationSec).toBe(t.words.at(-1)!.end);
  });

  it('name the four label typos they hold (three misspellings and p70\'s clipped "r:")', () => {
    const typoNotes = files.flatMap((name) => (parseTranscriptFile(readFileSync(mitFile(name), 'utf8'), name).notes ?? []).filter((n) => /apparent typo/.test(n)));
    expect(typoNotes.sort()).toEqual([
      'Speaker "INterviewee" (1 line) was read as "Interviewee", an apparent typo.',
      'Speaker "Inerviewee" (1 line) was read as "Interviewee", an apparent typo.',
      'Speaker "Intrviewer" (1 line) was read as "Interviewer", an apparent typo.',
      'Speaker "r" (1 line) was read as "Interviewer", an apparent typo.',
    ]);
  });

  it.each(hasTestdata() ? readStats() : [])('$participant: word counts of mit_interview_stats.tsv', ({ participant, interviewer, interviewee }) => {
    const shift = TYPO_SHIFT[participant] ?? { interviewer: 0, interviewee: 0 };
    const counts = wordsBySpeaker(mitFile(`mit_interview_${participant}.txt`));
    expect(counts.get('Interviewee')).toBe(interviewee + shift.interviewee);
    expect(counts.get('Interviewer')).toBe(interviewer + shift.interviewer);
  });

  it('the stats cover the 11 hand-checked transcripts', () => expect(readStats()).toHaveLength(11));
});

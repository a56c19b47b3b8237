import type { Report } from './report.schema.js';
import { clock, percent } from './format.js';
import { cardLines, groupedLines, more, paceLines, pauseLines, readinessLines, row, speakerLines } from './summary-lines.js';

/**
 * A readable plain-text summary for the CLI (report v3): who spoke and the candidate's share, the
 * readiness score, the candidate's headline numbers (pace, fillers, hedges, pauses, longest answer;
 * time-based ones only when the transcript had times), the metric cards with their ranges and advice,
 * the three tips, the summary paragraph, then the quality notes. Pure.
 */
export function formatReportText(report: Report): string {
  const m = report.metrics;
  const title = report.interviewId ? `Interview ${report.interviewId}` : 'Interview report';
  const candidate = report.speakers.find((s) => s.role === 'candidate');
  const who = candidate && report.speakers.length > 1 ? ` — candidate: ${candidate.name ?? candidate.id}` : '';
  const lines = [
    `${title} — engine ${report.engine}, generated ${report.generatedAt}${who}`,
    '',
    ...speakerLines(report),
    ...readinessLines(report),
    ...(m.durationSec !== undefined ? [row('Duration', `${clock(m.durationSec)}, the candidate speaking ${clock(m.speakingSec ?? 0)}`)] : []),
    ...(report.speakers.length > 1
      ? [row('Talk ratio', `${m.talkRatio !== undefined ? `${percent(m.talkRatio)} of speaking time, ` : ''}${percent(m.talkRatioByWords)} of words`)]
      : []),
    row('Words', String(m.wordCount)),
    ...paceLines(report),
    ...groupedLines('Fillers', m.fillers, m.timed),
    ...groupedLines('Hedges', m.hedges, m.timed),
    row('Repetitions', m.repetition.count > 0 ? `${m.repetition.count} (${m.repetition.items.slice(0, 5).map((x) => `"${x.text}"×${x.times}`).join(', ')})` : 'none'),
    ...pauseLines(report),
    ...(m.timed
      ? [
          row('Longest stretch', (m.longestSpeechSec ?? 0) > 0 ? `${m.longestSpeechSec!.toFixed(1)} s without a pause` : '—'),
          row('Longest answer', (m.longestMonologueSec ?? 0) > 0 ? clock(m.longestMonologueSec!) : '—'),
        ]
      : []),
    row('"I" / "we"', `${m.pronouns.i} / ${m.pronouns.we}`),
    '',
    'Metrics against reference ranges:',
    ...cardLines(report.metricCards),
    '',
    'Top tips:',
    ...report.tips.map((t, i) => `  ${i + 1}. ${t}`),
    '',
    row('Summary', ''),
    more(report.summary),
  ];
  if (report.answers.length > 0) lines.push(row('Answers', `${report.answers.length} question(s) answered`));
  if (report.ai) lines.push(row('AI cost', `$${report.ai.totalCostUsd.toFixed(4)} over ${report.ai.models.length} call(s)`));
  if (report.quality.notes.length > 0) lines.push('', 'Notes:', ...report.quality.notes.map((n) => `  - ${n}`));
  return `${lines.join('\n')}\n`;
}

/**
 * Writers for the round-trip properties: generated cues and turns → the text each exporter (WebVTT,
 * SRT, Zoom, Teams, Google Meet) would produce, with the variations real files show (voice tags or
 * `Name:` prefixes, cue ids, short timestamps, <i> tags, tab or space gaps, a preamble).
 */
export interface GenCue {
  startMs: number;
  endMs: number;
  segments: { speaker?: string; text: string }[];
  style: { id: boolean; short: boolean; prefix: boolean; italic: boolean };
}

export interface GenTurn {
  startSec: number;
  speaker: string;
  lines: string[];
  inline: boolean;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function clock(ms: number, sep: '.' | ',', short = false): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const body = `${pad(m)}:${pad(s)}${sep}${pad(ms % 1000, 3)}`;
  return short && h === 0 ? body : `${pad(h)}:${body}`;
}

const hms = (sec: number) => `${pad(Math.floor(sec / 3600))}:${pad(Math.floor((sec % 3600) / 60))}:${pad(sec % 60)}`;

export function vttSerialise(cues: readonly GenCue[]): string {
  const blocks = cues.map((c, i) => {
    const lines = c.segments.map((s) => (s.speaker === undefined ? s.text : c.style.prefix ? `${s.speaker}: ${s.text}` : `<v ${s.speaker}>${s.text}</v>`));
    const timing = `${clock(c.startMs, '.', c.style.short)} --> ${clock(c.endMs, '.', c.style.short)}${c.style.italic ? ' align:start' : ''}`;
    return [...(c.style.id ? [`cue-${i + 1}`] : []), timing, ...lines].join('\n');
  });
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

export function srtSerialise(cues: readonly GenCue[]): string {
  return cues
    .map((c, i) => {
      const lines = c.segments.map((s) => {
        const l = s.speaker === undefined ? s.text : `${s.speaker}: ${s.text}`;
        return c.style.italic ? `<i>${l}</i>` : l;
      });
      return [...(c.style.id ? [String(i + 1)] : []), `${clock(c.startMs, ',')} --> ${clock(c.endMs, ',')}`, ...lines].join('\n');
    })
    .join('\n\n') + '\n';
}

export function zoomSerialise(turns: readonly GenTurn[], clock0: number): string {
  return turns
    .map((t) => {
      const [first, ...rest] = t.lines;
      const header = `[${t.speaker}] ${hms(clock0 + t.startSec)}`;
      return (t.inline ? [`${header} ${first}`, ...rest] : [header, ...t.lines]).join('\n');
    })
    .join('\n') + '\n';
}

export function teamsSerialise(turns: readonly GenTurn[], preamble: boolean): string {
  const elapsed = (s: number) => (s < 3600 ? `${Math.floor(s / 60)}:${pad(s % 60)}` : `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`);
  const head = preamble ? 'Interview practice\nMarch 3, 2025, 2:00PM\n12m 5s\n\n' : '';
  return head + turns.map((t) => [`${t.speaker}${t.startSec % 2 ? '\t' : '   '}${elapsed(t.startSec)}`, ...t.lines].join('\n')).join('\n\n') + '\n';
}

export function meetSerialise(turns: readonly GenTurn[]): string {
  const names = [...new Set(turns.map((t) => t.speaker))].join(', ');
  const sections = turns.map((t) => {
    const [first, ...rest] = t.lines;
    return [hms(t.startSec), '', `${t.speaker}: ${first}`, ...rest].join('\n');
  });
  const end = turns.at(-1)!.startSec + 60;
  return `Interview practice - Transcript\nAttendees\n${names}\nTranscript\n${sections.join('\n\n')}\n\nMeeting ended after ${hms(end)} 👋\nThis editable transcript was computer generated and might contain errors.\n`;
}

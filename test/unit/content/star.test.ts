import { describe, expect, it } from '@jest/globals';
import { actionScore, detectStar, hasTeamAction, scoreSentence, STAR_THRESHOLD } from '../../../services/analysis/content/star.js';

const present = (s: string, part: keyof ReturnType<typeof scoreSentence>) => scoreSentence(s)[part] >= STAR_THRESHOLD;

describe('Situation cues', () => {
  it.each([
    'At my last job we had a flaky deploy pipeline.',
    'When I was at Shopify, um, the search team was tiny.',
    'Last semester I took a compilers class.',
    'A few years ago our biggest client threatened to leave.',
    'We had a problem with our billing system.',
    "I'm a course 6 major at MIT.",
    'So we had a client in logistics.',
  ])('present: %s', (s) => expect(present(s, 'situation')).toBe(true));
  it.each(['I like Python.', 'We moved to a managed instance later that year.', 'There was a bug.'])('absent: %s', (s) =>
    expect(present(s, 'situation')).toBe(false));
});

describe('Task cues', () => {
  it.each([
    'My role was to own the release.',
    'I was responsible for the weekly report.',
    'The goal was zero downtime.',
    'I needed to ship before Friday.',
    'We had to cut costs.',
  ])('present: %s', (s) => expect(present(s, 'task')).toBe(true));
  it.each(['I shipped it.', 'The team was great.'])('absent: %s', (s) => expect(present(s, 'task')).toBe(false));
});

describe('Action (first person, non-stative verbs, via POS tags)', () => {
  it.each([
    'I built a small pipeline in Python.',
    'I traced it to the connection pool, raised the limit and added an alert.',
    'So I decided to rewrite it.',
    'I spearhead the entire event every year.',
    'Then I actually wrote the spec.',
    'what I did was call every customer',
  ])('present: %s', (s) => expect(present(s, 'action')).toBe(true));
  it.each([
    'I think it was fine.',
    'I guess I was nervous.',
    'I worked on a compilers project.',
    'We talked to him and we went to the TA.',
    'I own the billing product.',
    'I imagined I was going to be a doctor.',
    '',
  ])('absent: %s', (s) => expect(present(s, 'action')).toBe(false));
  it('"we" actions score 1, more "I" actions score higher', () => {
    expect(actionScore('We rewrote the service.')).toBe(1);
    expect(actionScore('I wrote the plan and I ran the backfill.')).toBeGreaterThan(actionScore('I wrote the plan.'));
  });
  it('hasTeamAction sees "we" actions', () => {
    expect(hasTeamAction(['We split the work.'])).toBe(true);
    expect(hasTeamAction(['It was hard.'])).toBe(false);
  });
});

describe('Result cues', () => {
  it.each([
    'Errors dropped by 90% within an hour.',
    'As a result, churn went down.',
    'We shipped the feature two weeks early.',
    'In the end it saved them ten hours a week.',
    'It cost $20,000 less.',
    'We won second place.',
    'We had no timeouts after that.',
  ])('present: %s', (s) => expect(present(s, 'result')).toBe(true));
  it.each(['I reduced the scope.', 'I like results.', 'We met every morning.'])('absent: %s', (s) => expect(present(s, 'result')).toBe(false));
});

describe('detectStar', () => {
  it('quotes the strongest sentence verbatim for each part', () => {
    const s = [
      'Um, last year at my previous company our checkout kept timing out.',
      'My job was to fix it.',
      'I traced it to the pool.',
      'I raised the limit and I added an alert.',
      'As a result, errors dropped by 90%.',
    ];
    expect(detectStar(s)).toEqual({
      situation: { present: true, evidence: s[0] },
      task: { present: true, evidence: s[1] },
      action: { present: true, evidence: s[3] },
      result: { present: true, evidence: s[4] },
    });
  });
  it('reports a missing result without evidence', () => {
    expect(detectStar(['When I was at Acme, sales were flat.', 'I called every customer.']).result).toEqual({ present: false });
  });
  it('an empty answer has no parts', () => {
    const star = detectStar([]);
    expect(Object.values(star).every((p) => !p.present)).toBe(true);
  });
});

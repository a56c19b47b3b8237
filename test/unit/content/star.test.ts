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
  // Spoken context: membership, time, roles and names rather than "at my last job".
  it.each([
    "I'm in a student group that tutors kids in Cambridge.",
    'Um so last summer I was uh doing research.',
    'I was part of the robotics club.',
    'Um I’m also on the swim team.',
    'So in high school we had a band.',
    'We were put in a group of four people.',
    'As treasurer of the dorm I kept the books.',
    'I joined an organization called Habitat.',
    'I rowed for six years.',
  ])('present (spoken): %s', (s) => expect(present(s, 'situation')).toBe(true));
  it.each(['I like Python.', 'We moved to a managed instance later that year.', 'There was a bug.', "I think I'm a leader.", 'I called him the next day.'])('absent: %s', (s) =>
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
  // Spoken tasks: the problem the candidate had to deal with, stated as such.
  it.each([
    'The problem was nobody read the emails.',
    'One of the biggest issues we had was the deadline.',
    'Um one guy in our group didn’t do any of the work.',
    'It was really hard to get everyone to show up.',
    'We had a lot of conflicts over the chores.',
    'The team was split between two designs.',
    'There was a lack of communication.',
    'Our main goal was to raise money.',
    'So I took charge of the budget.',
  ])('present (spoken): %s', (s) => expect(present(s, 'task')).toBe(true));
  it.each(['I shipped it.', 'The team was great.', 'We had lunch together.'])('absent: %s', (s) => expect(present(s, 'task')).toBe(false));
});

describe('Action (first person, non-stative verbs, via POS tags)', () => {
  it.each([
    'I built a small pipeline in Python.',
    'I traced it to the connection pool, raised the limit and added an alert.',
    'So I decided to rewrite it.',
    'I spearhead the entire event every year.',
    'Then I actually wrote the spec.',
    'what I did was call every customer',
    // Spoken: fillers, hedges and a restart between subject and verb; habit and obligation.
    'I uh sort of took the lead on that.',
    'I-I made a control system.',
    'Um I basically um talked to each of them.',
    'I would explain it to her before the lab.',
    'I had to step in and take him aside.',
    'We talked to him and we went to the TA.',
    'So um just kind of planning the schedule and booking the rooms.',
    'The way I handled it was to sit down with him.',
  ])('present: %s', (s) => expect(present(s, 'action')).toBe(true));
  it.each([
    'I think it was fine.',
    'I guess I was nervous.',
    'I worked on a compilers project.',
    'I own the billing product.',
    'I imagined I was going to be a doctor.',
    'I can make decisions independently.',
    'I would have tried harder.',
    'I try to do my best.',
    "I've held several leadership positions.",
    "We didn't really fix it.",
    'Since I came to college, things changed.',
    'Being honest matters.',
    '',
  ])('absent: %s', (s) => expect(present(s, 'action')).toBe(false));
  it('the candidate\'s narrated steps outrank present-tense ones and "we" steps; more steps score higher', () => {
    expect(actionScore('I wrote the plan.')).toBe(2.5);
    expect(actionScore('I write the plan every week.')).toBe(2);
    expect(actionScore('We wrote the plan.')).toBe(2);
    expect(actionScore("We've written plans before.")).toBe(1);
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
  // Spoken results, stated plainly.
  it.each([
    'And it worked out.',
    'We finished the project a week early.',
    'Um and then he started doing his share.',
    'We got an A.',
    'So that really helped.',
    'We were finally able to pull it off.',
    'We came up with a solution everyone liked.',
  ])('present (spoken): %s', (s) => expect(present(s, 'result')).toBe(true));
  it.each([
    'I reduced the scope.',
    'I like results.',
    'We met every morning.',
    "It's important to be able to try things.",
    'I worked on a hands-on project.',
    'I helped organize the event.',
  ])('absent: %s', (s) => expect(present(s, 'result')).toBe(false));
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
  it('a weak context cue counts as context when it opens the answer, not later', () => {
    const story = ['I called every supplier and I sorted the orders.', 'After that the backlog cleared.'];
    const context = 'In our robotics club the parts came late.';
    expect(scoreSentence(context).situation).toBe(1);
    expect(detectStar([context, ...story]).situation).toEqual({ present: true, evidence: context });
    expect(detectStar([...story, ...story, ...story, context]).situation).toEqual({ present: false });
  });
  it('an empty answer has no parts', () => {
    const star = detectStar([]);
    expect(Object.values(star).every((p) => !p.present)).toBe(true);
  });
});

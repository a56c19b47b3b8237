/**
 * A live practice remembers when each question came on screen, in recording time (the engine's
 * decoded position, else the time since start), and hands questions and marks to the interview as
 * they happen, so the final transcription can put the questions back; erase takes them too.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { addMark, MAX_MARKS } from '../../../services/live/live-session.state.js';
import { type LiveHarness, liveHarness } from './harness.js';

const ALICE = 'uid-alice';
const QUESTIONS = [{ text: 'Tell me about a time you disagreed with your manager.', kind: 'behavioural' as const }, { text: 'Why do you want this role?' }];

let h: LiveHarness;
beforeEach(async () => {
  h = await liveHarness({ capacity: 2 });
});
afterEach(async () => {
  await h.stop();
});

async function startLive() {
  const iv = await h.service.create(ALICE, { title: 'Live', source: 'live' });
  await h.call(iv.id, 'start', { uid: ALICE, questions: QUESTIONS });
  await h.call(iv.id, 'chunk', { uid: ALICE, offset: 0, data: Buffer.alloc(500, 1).toString('base64') });
  return iv.id;
}

describe('live practice marks', () => {
  it('question changes are marked at the engine position, reach the interview at once and survive the end of the recording', async () => {
    const id = await startLive();
    expect((await h.interviews.get(id))!.practice).toEqual({ questions: QUESTIONS, marks: [{ index: 0, atSec: 0 }] });
    h.engine.opened[0]!.positionSec = 12.5;
    expect(await h.call(id, 'question', { uid: ALICE, index: 1 })).toEqual({ ok: true });
    expect((await h.interviews.get(id))!.practice!.marks).toEqual([{ index: 0, atSec: 0 }, { index: 1, atSec: 12.5 }]);
    // Back to the first question: a new mark; a repeated click changes nothing.
    h.engine.opened[0]!.positionSec = 20.25;
    await h.call(id, 'question', { uid: ALICE, index: 0 });
    await h.call(id, 'question', { uid: ALICE, index: 0 });
    await h.call(id, 'finish', { uid: ALICE });
    const done = await h.interviews.get(id);
    expect(done).toMatchObject({ status: 'uploaded', source: 'live' });
    expect(done!.practice).toEqual({ questions: QUESTIONS, marks: [{ index: 0, atSec: 0 }, { index: 1, atSec: 12.5 }, { index: 0, atSec: 20.25 }] });
  });

  it('without an engine session on this node the mark is the time since start, never before the last mark', async () => {
    const id = await startLive();
    h.engine.lose();
    h.clock.advance(30_000);
    await h.call(id, 'question', { uid: ALICE, index: 1 });
    expect((await h.interviews.get(id))!.practice!.marks).toEqual([{ index: 0, atSec: 0 }, { index: 1, atSec: 30 }]);
  });

  it('a recording the interview finished on its own deadline keeps the questions and the marks made so far', async () => {
    const id = await startLive();
    h.engine.opened[0]!.positionSec = 8;
    await h.call(id, 'question', { uid: ALICE, index: 1 });
    await h.service.dispatch(id, { type: 'deadline', stage: 'upload', eventId: 'deadline:test' });
    expect(await h.interviews.get(id)).toMatchObject({ status: 'uploaded', practice: { questions: QUESTIONS, marks: [{ index: 0, atSec: 0 }, { index: 1, atSec: 8 }] } });
  });

  it('erasing the interview erases its script', async () => {
    const id = await startLive();
    await h.call(id, 'question', { uid: ALICE, index: 1 });
    await h.call(id, 'finish', { uid: ALICE });
    expect((await h.interviews.get(id))!.practice).toBeDefined();
    await h.service.erase(ALICE, id);
    await h.runtime.settle();
    expect((await h.interviews.get(id))?.practice).toBeUndefined();
  });
});

describe('addMark', () => {
  it('keeps marks non-decreasing, folds clicks at the same moment and stays bounded', () => {
    expect(addMark([{ index: 0, atSec: 0 }], 1, 6.0004)).toEqual([{ index: 0, atSec: 0 }, { index: 1, atSec: 6 }]);
    // A position behind the last mark (a slower decoder after a move) is taken as the last mark's.
    expect(addMark([{ index: 0, atSec: 0 }, { index: 1, atSec: 4 }], 2, 4)).toEqual([{ index: 0, atSec: 0 }, { index: 2, atSec: 4 }]);
    expect(addMark([{ index: 0, atSec: 0 }, { index: 1, atSec: 4 }], 0, 4)).toEqual([{ index: 0, atSec: 0 }]);
    let marks = [{ index: 0, atSec: 0 }];
    for (let i = 1; i < 500; i++) marks = addMark(marks, i % 3, i);
    expect(marks.length).toBe(MAX_MARKS);
    expect(marks[marks.length - 1]).toEqual({ index: 499 % 3, atSec: 499 });
    expect(marks.every((m, i) => i === 0 || m.atSec >= marks[i - 1]!.atSec)).toBe(true);
  });
});

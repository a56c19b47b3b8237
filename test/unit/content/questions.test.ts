/** The one question detector (services/analysis/questions/): sentence acts, kinds, asking turns. */
import { describe, expect, it } from '@jest/globals';
import { isElaboration, readSentence, stripLeadIn } from '../../../services/analysis/questions/acts.js';
import { askTopic, cueKind, questionKind, starExpected } from '../../../services/analysis/questions/kind.js';
import { askOfTurn, TAIL_WORDS } from '../../../services/analysis/questions/turn.js';

const act = (s: string, previous?: string) => readSentence(s, previous).act;

describe('readSentence: asks', () => {
  it.each([
    // imperative prompts, with or without "?"
    'Tell me about a time you failed.',
    'Ok well so please tell me about yourself.',
    'Oh yeah, the weather is great. Um. Talk about yourself.',
    'Talk about yourself.',
    'Tell about yourself?',
    'Tell me a time when you demonstrated leadership.',
    'Walk me through your resume.',
    'Describe a situation where you disagreed with your manager.',
    'Great, thanks. Give me an example of teamwork.',
    'Think of a time when a project went wrong.',
    "Let's start with you telling me a bit about yourself.",
    'Why don’t you start by walking me through your resume',
    'So tell me one of your weaknesses and what you are doing to overcome it.',
    // polite prompts and polar questions
    'Can you tell me one of your weaknesses and what you are doing to overcome it.',
    'Could you walk us through the migration',
    'Do you consider yourself a team player?',
    'Is there anything you would do differently',
    // WH questions, also without "?" and after a condition
    'Why should we hire you',
    'Great what are your career goals.',
    'What year are you in',
    'How would you design a URL shortener',
    'If you were given the option to change one thing about yourself what would it be.',
    // embedded, declarative and elaboration asks
    "I'd like to hear about your last project.",
    "I'm curious what made you switch.",
    'You have one in mind?',
    'So the way you changed the attitude was by?',
    'Tell me why.',
    'Why?',
    'How so?',
    'Could you be a little bit more specific?',
    'Any questions for me?',
    // unpunctuated speech: a greeting and then the question
    'hi how are you tell me about yourself',
    'you think you are a leader tell me why',
  ])('ask: %s', (s) => expect(act(s)).toBe('ask'));

  it('a one- or two-word question asks when it brings up something new, and echoes otherwise', () => {
    expect(act('Career goals?', 'I also did research last summer.')).toBe('ask');
    expect(act('Bangkok?', 'I worked in a lab in Bangkok.')).toBe('back_channel');
    expect(act('Career goals?')).toBe('back_channel');
  });
});

describe('readSentence: what only looks like a question', () => {
  it.each([
    ['How are you doing today?', 'small_talk'],
    ['Hi how are you doing today?', 'small_talk'],
    ["So how are you doin'?", 'small_talk'],
    ["I'm good, how are you?", 'small_talk'],
    ['Nice to meet you, how is it going?', 'small_talk'],
    ['How was your weekend?', 'small_talk'],
    ['Could I get you to scoot over a little bit?', 'logistics'],
    ['Can you hear me?', 'logistics'],
    ['Is this recording?', 'logistics'],
    ['Ready?', 'logistics'],
    ['Shall we get started?', 'logistics'],
    ['Really?', 'back_channel'],
    ['Oh yeah?', 'back_channel'],
    ['Mm-hmm?', 'back_channel'],
    ['Right?', 'back_channel'],
    ['Is that right?', 'back_channel'],
    ['Did you?', 'back_channel'],
    ['And then?', 'back_channel'],
    ['Okay.', 'back_channel'],
    ['Great, thanks for that.', 'back_channel'],
    ['Well thanks for coming in today.', 'closing'],
    ['This concludes the formal part of the interview.', 'closing'],
    ["What's the tapioca club? This is off the interview", 'off_record'],
    ["So now think of a job that you'd like to have.", 'setup'],
    ['What I did was build a pipeline.', 'statement'],
    ['When we started the project it was late.', 'statement'],
    ['Which is why I applied.', 'statement'],
    ['What was really cool was that we won', 'statement'],
    ['How nice.', 'statement'],
    ["I'm interested in going into nutrition.", 'statement'],
    ["I'd like to talk about my project.", 'statement'],
    ['He would tell me about his day.', 'statement'],
    ['I had to research it and explain it to the team.', 'statement'],
    ['I started by telling them the plan.', 'statement'],
    ['', 'back_channel'],
  ] as const)('%s → %s', (s, expected) => expect(act(s)).toBe(expected));

  it('a prompt about the room is still a prompt', () => expect(act('Can you tell me about a time you had to stand up for someone?')).toBe('ask'));
});

describe('stripLeadIn / isElaboration', () => {
  it('drops opening discourse words', () => {
    expect(stripLeadIn('Ok well so please tell me more.')).toBe('tell me more');
    expect(stripLeadIn('Great. And last question. Why do you think we should hire you?')).toBe('why do you think we should hire you');
    expect(stripLeadIn('That makes a lot of sense. So uh if you could…')).toBe('if you could');
  });
  it.each(['Tell me why.', 'How so?', 'Can you be more specific?', 'Give me an example.', 'Anything else?'])('elaboration: %s', (s) =>
    expect(isElaboration(s)).toBe(true));
  it.each(['Tell me about yourself.', 'Why should we hire you?', 'What year are you?'])('not an elaboration: %s', (s) => expect(isElaboration(s)).toBe(false));
});

describe('question kinds', () => {
  it.each([
    ['Tell me about yourself.', 'introduction'],
    ['Please tell me a little bit more about your background.', 'introduction'],
    ['Walk me through your resume.', 'introduction'],
    ['Talk about yourself.', 'introduction'],
    ['Tell me about a time you demonstrated leadership.', 'behavioural'],
    ['Do you think you are a leader? Tell me why.', 'behavioural'],
    ['Do you consider yourself a team player? Can you give me an example of a conflict?', 'behavioural'],
    ['How did you resolve that problem?', 'behavioural'],
    ['Describe a conflict at work.', 'behavioural'],
    ['Can you tell me one of your weaknesses and what you are doing to overcome it?', 'strengths_weaknesses'],
    ['If you could change one thing about yourself what would it be?', 'strengths_weaknesses'],
    ["What's your greatest strength?", 'strengths_weaknesses'],
    ['And what are you doing to overcome it?', 'strengths_weaknesses'],
    ['Why should we hire you?', 'motivation'],
    ['Why do you think you should get into medical school?', 'motivation'],
    ['Why do you want to work here?', 'motivation'],
    ['What makes you a good fit for this role?', 'motivation'],
    ["Think of a job you'd like to have. Do you have one in mind?", 'motivation'],
    ['Do you have any questions for me?', 'candidate_questions'],
    ['Is there anything you would like to ask me?', 'candidate_questions'],
    ['What database were you using?', 'technical'],
    ['What year are you in?', 'technical'],
    ['Do you prefer working alone or in a team?', 'technical'],
  ] as const)('%s → %s', (q, kind) => expect(questionKind(q)).toBe(kind));

  it('a question with no topic has no cue (it follows the exchange it is in)', () => {
    expect(cueKind('Could you be a little bit more specific?')).toBeUndefined();
    expect(cueKind('Career goals?')).toBe('motivation');
  });
  it('the topic comes from the asking words, else the rest of the turn', () => {
    expect(askTopic({ text: 'Do you have something in mind?', context: "Think about the job you'd like to have. Might be a rep. Do you have something in mind?" })).toBe('motivation');
    expect(askTopic({ text: 'Why should we hire you?', context: 'Thanks for sharing that weakness. Why should we hire you?' })).toBe('motivation');
  });
  it('STAR is expected of behavioural questions only', () => {
    expect(starExpected('behavioural')).toBe(true);
    for (const k of ['introduction', 'strengths_weaknesses', 'motivation', 'technical', 'candidate_questions'] as const) expect(starExpected(k)).toBe(false);
  });
});

describe('askOfTurn', () => {
  const turn = (...texts: string[]) => texts.map((text) => ({ text }));
  it('quotes the asks and setups that end the turn, not the acknowledgements before them', () => {
    expect(askOfTurn(turn('Great.', 'Thanks for sharing that.', 'So think of a job.', 'Why should we hire you?'))?.text).toBe('So think of a job. Why should we hire you?');
    expect(askOfTurn(turn('Great.', 'Do you think you are a leader?', 'Tell me why.'))?.text).toBe('Do you think you are a leader? Tell me why.');
  });
  it('an elaboration takes the statement it is about', () => {
    const ask = askOfTurn(turn('Wonderful.', 'And you think you are a leader.', 'Tell me why.'));
    expect(ask?.text).toBe('And you think you are a leader. Tell me why.');
    expect(ask?.elaboration).toBe(true);
  });
  it(`a question followed by more than ${TAIL_WORDS} words of talk does not hand the floor over`, () => {
    const talk = 'I went to the lab every day and we measured everything twice because the samples were expensive and hard to get.';
    expect(askOfTurn(turn('And what did I do?', talk))).toBeUndefined();
    expect(askOfTurn(turn('Tell me about a team challenge.', 'Not this time, a different one.'))?.text).toBe('Tell me about a team challenge.');
  });
  it('yes/no questions are closed; prompts are not', () => {
    expect(askOfTurn(turn('Do you have one in mind?'))?.closed).toBe(true);
    expect(askOfTurn(turn('You got one in mind?'))?.closed).toBe(true);
    expect(askOfTurn(turn('Can you tell me about yourself?'))?.closed).toBe(false);
  });
  it('small talk, logistics and off-the-record turns ask nothing', () => {
    expect(askOfTurn(turn('Hi, how are you doing today?'))).toBeUndefined();
    expect(askOfTurn(turn('Could you scoot over a little?'))).toBeUndefined();
    expect(askOfTurn(turn("So I'm curious, what's the tapioca club?", 'This is off the interview.'))).toBeUndefined();
    expect(askOfTurn([])).toBeUndefined();
  });
});

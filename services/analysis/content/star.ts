/**
 * STAR tagging of one answer, sentence by sentence. Each sentence gets a score per component from
 * cue phrases and part-of-speech patterns (weights below); a component is present when its best
 * sentence reaches STAR_THRESHOLD (2), and that sentence, verbatim, is the evidence. Ties go to the
 * earliest sentence for Situation and Task (context comes first) and to the latest for Action and
 * Result (the outcome comes last). One sentence may evidence several parts.
 *
 * The cues are written for spoken, unpolished answers (tuned on hand-labelled MIT mock interviews,
 * eval/star-labels.ts) as well as polished ones: context given as membership or time ("I'm in a
 * student group that…", "so last summer…"), the task as a problem ("the problem was…", "one person
 * didn't…"), actions with fillers between subject and verb ("I uh sort of took the lead"), results
 * stated plainly ("it worked out", "he started doing his share").
 *
 *   Situation (2): "at my last job"; "when I was…"; a time frame ("last summer", "in high school",
 *     "freshman year", "years ago", "for six years"); membership ("I'm / I was / we were … in / on /
 *     part of … <group>", "I joined / participated in"); "I worked at"; a role ("I'm the president",
 *     "as house manager"); something named ("a club called…"); the team's size ("a group of 4");
 *     "the situation was", "we had a problem". Weak (1): "there was", "our team", "going back",
 *     "in/for/of my <group>". A cue in the opening quarter of the answer's words scores 1 more.
 *   Task (2): a responsibility ("my role was", "our goal was", "I was in charge of", "took charge");
 *     a need ("I/we/you had to, needed to"); a problem ("the biggest issue was", "we had conflicts",
 *     "it was hard to", "a lack of", "the team was split", "different opinions"); a teammate failing
 *     ("one person didn't…", "pulling their weight"). Weak (1): "in order to", "how to", "figure
 *     out", "responsibility", a problem word.
 *   Action: "I" or "we" + a non-stative verb, found with wink-nlp POS tags and lemmas; fillers,
 *     hedges, adverbs, a restarted subject and habit or obligation auxiliaries may come between ("I
 *     um sort of took", "I-I made", "I would explain", "I had to step in"). "I" narrating (past or
 *     habitual) 2.5, "I" present 2, "we" 2 (the labels count team steps the speaker took part in),
 *     "I've / we've" + participle 1 (a summary of experience); +0.25 per further clause ≥ 2, so the
 *     sentence listing most steps wins. A sentence opening with an action gerund ("so just planning
 *     the theme, booking the acts") 2. "What I did was", "the way I handled it was" 3. Not actions:
 *     modals (can, will, would have), negation, clauses after when/since/if, stative or hedge verbs
 *     (think, feel, know, want, be, have, see, realise, work at, "I try to").
 *   Result (2): a metric; "as a result", "in the end", "ultimately", "we ended / wound up"; "we were
 *     able to / managed to"; completion ("won", "finished", "medaled", "got an A", "on time"); "it
 *     worked (out)", "it turned out", "that (really) helped"; a solution reached or praise received;
 *     someone else changing ("he started doing his share"). Weak (1): change verbs ("reduced"),
 *     "after that", "eventually", "we learned", "no more", "apologized", "a lot better", "than
 *     before", "happy", "successful", "now we are".
 */
import type { Star } from './content.schema.js';
import { analyseTokens, type NlpToken } from './nlp.js';

export type StarPart = keyof Star;
export const STAR_PARTS: readonly StarPart[] = ['situation', 'task', 'action', 'result'];
export const STAR_THRESHOLD = 2;

type Cue = readonly [RegExp, number];

/** Case-insensitive regex from a template, so the shared word lists below can be spliced in. */
const re = (source: string): RegExp => new RegExp(source, 'iu');
const NUMBER = '(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|several|a few|a couple(?: of)?)';
const GROUP = '(?:team|group|club|organi[sz]ation|society|association|board|council|committee|fraternity|sorority|chapter|company|start-? ?up|firm|lab|laboratory|class|course|project|program(?:me)?|competition|internship|newspaper|band|orchestra|choir|dorm|house|camp|school|university|college|department|squad|crew|boat|league)s?';
const ROLE = '(?:(?:vice |co-? ?)?president|secretary|treasurer|chair(?:man|woman|person)?|captain|director|editor|coordinator|officer|head|manager|member|founder|organi[sz]er|tutor|teacher|mentor|counsel(?:l)?or|volunteer|intern|engineer|developer|analyst|designer|researcher|assistant|major|student|freshman|sophomore|junior|senior|emt)';
const PROBLEM = '(?:problem|issue|challenge|conflict|difficult(?:y|ies)|struggle|obstacle|disagreement|tension|trouble|setback|dilemma)s?';
/** "I" or "we" in any form a transcript writes it, for the cue phrases (POS handles the verbs). */
const ME = "(?:i|i'm|i am|i was|i've been|i have been|i used to be|we|we're|we are|we were)";

const SITUATION: readonly Cue[] = [
  [/\b(?:at|in) my (?:last|previous|current|old|first|former|summer) (?:job|company|role|position|internship|team|employer|school)\b/iu, 2],
  [/\b(?:when|while|since) (?:i|we) (?:was|were|worked|started|joined|interned)\b|\b(?:when|while|since) (?:i'm|i am|i've been|we're)\b/iu, 2],
  [/\b(?:last|this past|this|over the|during the|one|next) (?:year|semester|summer|spring|fall|winter|term|quarter|month)\b|\b(?:in|during) (?:high school|college|grad school|middle school)\b/iu, 2],
  [/\b(?:freshman|sophomore|junior|senior|first|second|third|fourth|final) year\b|\byears? ago\b|\bmonths ago\b|\bweeks ago\b/iu, 2],
  [re(`\\bfor ${NUMBER} (?:years|months|seasons|semesters)\\b`), 2],
  [/\b(?:we|i|the team|our team|the company|they) (?:had|faced|ran into|were facing|were dealing with) (?:a|an|this|some|one|the) (?:\w+ )?(?:problem|issue|situation|challenge|outage|bug|crisis|deadline|conflict)\b/iu, 2],
  [/\bthe (?:situation|context|background|problem|issue|challenge) was\b/iu, 2],
  [/\b(?:i|we) (?:was|were|am|are|'m|'re) (?:working|interning|studying) (?:at|on|as|for|in|with)\b|\b(?:i|we) worked (?:at|on|as|for|in|with)\b/iu, 2],
  // Membership, however hedged: "I'm in a student group that…", "I was also really involved on the robotics team".
  [re(`\\b${ME} (?:\\w+ ){0,3}?(?:in|on|part of|a member of|involved (?:in|with|on)|put in|assigned to)\\b(?: \\w+){0,5}? ${GROUP}\\b`), 2],
  [re(`\\b(?:i|we|me and \\w+(?: \\w+)?) (?:\\w+ )?(?:joined|participated in|took part in|signed up for|got involved|volunteered|interned|used to be (?:in|on))\\b`), 2],
  [/\b(?:we|i|they) had (?:a|an) (?:\w+ )?(?:client|customer|project|product|launch|deadline)\b/iu, 2],
  [/\b(?:i'm|i am|i was) (?:currently |now )?(?:at|with) (?:a|an|the)\b/iu, 2],
  // Who the speaker was: "I'm a course 6 major", "I was the vice president", "as house manager".
  [re(`\\b(?:i'm|im|i am|i was|i've been|i have been|i became|i was elected|i got elected) (?:\\w+ ){0,4}?${ROLE}\\b|\\b(?:as|my (?:position|role|stint|time) as) (?:an? |the )?(?:\\w+ ){0,3}?${ROLE}\\b|\\bi was (?:in(?! charge)|part of) \\w+`), 2],
  [/\b(?:a|an|the|this|our|my) (?:[\w-]+ ){1,4}?(?:called|named)\b/iu, 2],
  [re(`\\b(?:group|team|class|crew) of ${NUMBER}\\b|\\b${NUMBER} (?:other )?(?:people|members|students|teammates|team members|guys|interns|friends|of us)\\b`), 2],
  [/\b(?:there was|there were|we were|our team|one time|once,|(?:going|thinking|looking) back)\b/iu, 1],
  [re(`\\b(?:in|at|for|with|from|of) (?:my|our|this|a|an) (?:\\w+ ){0,3}?${GROUP}\\b`), 1],
];

const TASK: readonly Cue[] = [
  [/\b(?:my|our) (?:\w+ )?(?:role|job|task|responsibilit(?:y|ies)|goal|objective|assignments?|part|mission|dut(?:y|ies)) (?:was|were|is|are|there was)\b/iu, 2],
  [/\b(?:i|we)(?:'m|'re| am| are| was| were) (?:\w+ ){0,2}?(?:responsible|in charge|tasked|asked|assigned|supposed|expected|hired|brought in|the one)\b|\b(?:take|took|taking) charge\b/iu, 2],
  [/\bthe (?:\w+ )?(?:goal|task|objective|aim|mission|plan|ask|idea|challenge|question|decision|difficulty|hard(?:est)? part|tricky part)(?: \w+){0,3}? (?:was|is)\b|\bit came down to\b/iu, 2],
  [/\b(?:i|we) (?:needed|had|wanted|were trying|was trying|were asked|was asked|have to|need to|had to) to\b|\b(?:i|we|we've|i've) (?:\w+ )?(?:had to|gotta|have to|need to|needed to)\b|\b(?:i've|we've|i have|we have) got to\b|\byou (?:\w+ )?(?:have to|had to|need to|needed to)\b/iu, 2],
  [/\bit was (?:my|our) (?:job|responsibility|task)\b/iu, 2],
  // A problem stated as the thing to deal with: "one glaring problem was", "we had conflicts over…".
  [re(`\\b(?:one|some|two|the|our|my|a) (?:\\w+ ){0,3}?${PROBLEM}(?: \\w+){0,3}? (?:was|were|is|that came up|came up|arose|we (?:had|faced|ran into))\\b`), 2],
  [re(`\\b(?:had|have|having|faced?|facing|ran into|encountered|there (?:was|were|is|are))(?: \\w+){0,4}? ${PROBLEM}\\b|\\b(?:was|were|is|became) (?:one of )?(?:the|our|my|an?) (?:\\w+ ){0,3}?${PROBLEM}\\b|\\b(?:resolv|solv|fix|handl|address|deal)\\w* (?:with )?(?:\\w+ ){0,2}?${PROBLEM}\\b`), 2],
  // Disagreement: "the team was split between…", "everyone had different opinions".
  [/\b(?:was|were|became|got) (?:\w+ )?(?:split|divided)\b|\b(?:disagreed|clashed|argued)\b|\b(?:competing|conflicting|different) (?:ideas|opinions|views|visions|approaches|goals)\b/iu, 2],
  [/\b(?:it was|it's|it is|that was|was|were|became|it became) (?:\w+ ){0,3}?(?:difficult|hard|tough|tricky|challenging|a struggle|frustrating)\b|\b(?:a |the )?lack of\b|\bnot enough\b|\bthere (?:was|were|is|are)n't (?:\w+ ){0,2}?(?:enough|many|much|any)\b/iu, 2],
  // A teammate failing: "one person didn't do his share", "another person wasn't showing up".
  [/\b(?:someone|somebody|one (?:of (?:my |our |the |his |her )?\w+(?: \w+)?|person|guy|girl|member|student)|another (?:person|student|member|guy|girl)|(?:a|my|our|the|this|other) (?:\w+ )?(?:partner|teammate|team ?member|member|coach|boss|classmate|colleague|coworker|guy|girl|person)|he|she|they|people|nobody|no one|none of us)(?: (?!and\b|what\b|but\b)\w+){0,3}? (?:didn't|did not|wasn't|was not|weren't|were not|couldn't|could not|hadn't|had no|never|refused|stopped|got (?:really )?sick|quit|dropped)\b/iu, 2],
  [/\b(?:pull(?:ing)? (?:his|her|their) (?:own )?weight|(?:fair )?share of (?:the )?work|fair share)\b/iu, 2],
  [/\bin order to\b|\bso that (?:we|i) could\b|\bhow to\b|\bfigur(?:e|ing) out\b|\bresponsibilit(?:y|ies)\b/iu, 1],
  [re(`\\b${PROBLEM}\\b`), 1],
];

/** Who reached an outcome ("we were able to"), and what turned out well ("it worked", "which helped"). */
const PEOPLE = "(?:i|we|he|she|they|everyone|everybody)(?:'re|'ve)?";
const THINGS = "(?:it|that|this|which|what|things|everything)(?:'s)?";

const RESULT: readonly Cue[] = [
  [/\d\s*(?:%|percent\b|x\b|times\b)|\bper ?cent\b|[$€£]\s?\d|\bby (?:\d|half|a third|a quarter|double)/iu, 2],
  [/\b(?:as a result|which led to|that led to|this led to|resulted in|in the end|at the end of the day|ultimately|the outcome|the result was|the impact|paid off)\b|\b(?:we|it|i|they|he|she) (?:\w+ )?(?:ended|wound) up\b/iu, 2],
  // Ability reached, not ability in general: "we were finally able to", not "to be able to".
  [re(`\\b${PEOPLE}(?: (?:are|were|was|have been|had been|been))? (?:\\w+ )?(?:able to|managed to|succeeded in)\\b`), 2],
  // Completion reports an outcome on its own; change verbs ("reduced the scope") can be actions.
  [/\b(?:shipped|launched|delivered|won|doubled|tripled|halved|completed|achieved|exceeded|got promoted|finished|medal(?:l)?ed|placed (?:first|second|third)|came in (?:first|second|third)|got (?:an?|the) (?:[a-f]\b|first|grade|prize|award|offer|job)|(?<![\w-])on time)\b/iu, 2],
  [re(`\\b${THINGS}(?: \\w+){0,2}? (?:worked|turned out|went (?:well|smoothly|great))\\b(?! (?:on|at|for|with|in|as)\\b)|\\b(?:${THINGS}|he|she|they)(?: \\w+){0,2}? helped\\b`), 2],
  // A resolution reached or recognition received: "we found a mutually agreeable solution", "got positive feedback".
  [/\b(?:got|found|reached|came up with|made|worked out|settled on|agreed on)(?: \w+){0,3}? (?:solution|system|agreement|compromise|consensus|deal)\b|\b(?:got|gotten|received|earned)(?: \w+){0,3}? (?:feedback|praise|recognition|compliments|award)\b/iu, 2],
  [/\b(?:reduced|increased|saved|improved|grew|cut down|boosted|decreased|dropped|went (?:up|down))\b/iu, 1],
  [/\b(?:after that|since then|from then on|eventually|successfully|finally|(?:i|we) learned)\b/iu, 1],
  [/\b(?:no more|no longer|(?:had|have|with|got) (?:zero|no|fewer|less) \w+)\b/iu, 1],
  // Someone else changing is the outcome of the candidate's action: "he started doing his share".
  [/\b(?:he|she|they|people|everyone|everybody|the team)(?: \w+){0,2}? (?:started|began) (?:to \w+|\w+ing)\b/iu, 2],
  [/\b(?:started|began) (?:to \w+|\w+ing)\b|\b(?:apologi[sz]ed|showed up|came around|came back|got on board|agreed to|stayed on|avoided)\b/iu, 1],
  [/\b(?:a lot|much|way|far|so much) (?:better|more|less|faster|happier|smoother|closer)\b/iu, 1],
  [/\b(?:than|compared to|compared with) (?:before|the previous|last|expected|originally|we (?:expected|thought))\b/iu, 1],
  [/\b(?:happy|satisf(?:ied|ying)|proud|success(?:ful)?|for the better|pretty well|really well)\b|\bnow (?:we|he|she|they|it|everyone) (?:are|is|have|has|'re)\b/iu, 1],
];

/** Verbs that state, hedge, perceive or want rather than do. */
const NON_ACTION = new Set([
  'be', 'have', 'think', 'guess', 'feel', 'mean', 'know', 'want', 'like', 'love', 'hope', 'believe', 'enjoy', 'tend',
  'suppose', 'remember', 'imagine', 'need', 'wish', 'seem', 'say', 'get', 'kind', 'kinda', 'do', 'would', 'will',
  'can', 'could', 'should', 'may', 'might', 'must', 'am', 'was', 'see', 'realize', 'realise', 'notice', 'consider', 'find',
  // "I worked at / studied at / spend my time" sets the scene (Situation) rather than reporting an action.
  'work', 'study', 'intern', 'live', 'spend', 'participate', 'join',
  // Ownership states a responsibility (Task); learning is reflection (a weak Result cue); "we ended /
  // wound up" reports the outcome (Result).
  'own', 'learn', 'end', 'wind',
]);
/** Words a speaker puts between subject and verb: fillers, hedges, "all"/"both", a restart. */
const BETWEEN = new Set(['then', 'also', 'actually', 'just', 'really', 'basically', 'kinda', 'kind', 'sort', 'sorta', 'of',
  'personally', 'individually', 'quickly', 'immediately', 'eventually', 'finally', 'first', 'uh', 'um', 'ah', 'uhm', 'uhh',
  'umm', 'ahh', 'er', 'erm', 'hmm', 'like', 'myself', 'ourselves', 'all', 'both', 'together', 'and', 'i', 'we', 'definitely']);
/** Auxiliaries of habit or obligation that still introduce a past step: "I would explain", "I had to step in". */
const HABIT = new Set(['would', "'d", 'had', 'used', 'to', 'did']);
/** "I have / I've" + participle sums up experience ("I've held positions") rather than narrating a step. */
const PERFECT = new Set(['have', "'ve", 'has']);
/** Conjunctions that make the clause after them a frame rather than a step. */
const FRAME = new Set(['when', 'while', 'since', 'until', 'before', 'after', 'whenever', 'if', 'unless', 'once']);
/** Modals and negation: what one could do, or did not do, is no action. */
const NOT_DONE = new Set(['can', 'could', 'will', "'ll", 'should', 'might', 'may', 'must', 'not', "n't", 'never', 'ca', 'wo']);

/** Words ASR text puts after "I" that the tagger calls nouns but are not verbs ("should I alright so"). */
const DISCOURSE = new Set(['alright', 'okay', 'ok', 'yeah', 'yes', 'no', 'so', 'um', 'uh', 'uhm', 'ah', 'like', 'umm', 'uhh']);

const cueScore = (sentence: string, cues: readonly Cue[]): number =>
  cues.reduce((sum, [pattern, w]) => (pattern.test(sentence) ? sum + w : sum), 0);

type Aspect = 'past' | 'present' | 'perfect';

/** The action verb a subject at `i` governs, skipping fillers and auxiliaries, and its aspect; or null. */
function verbAfter(tokens: readonly NlpToken[], i: number): Aspect | null {
  let aux: Aspect | null = null;
  for (let j = i + 1; j < Math.min(tokens.length, i + 8); j++) {
    const v = tokens[j]!;
    const next = tokens[j + 1]?.norm;
    if (NOT_DONE.has(v.norm) || (v.norm === 'have' && aux === 'past')) return null; // "would have tried": it was not done
    if (PERFECT.has(v.norm) && v.pos === 'AUX') {
      aux = next === 'to' ? 'present' : 'perfect'; // "I have to call" is an obligation, "I've called" a summary
      continue;
    }
    if (HABIT.has(v.norm) && (v.pos === 'AUX' || v.pos === 'PART' || v.norm === 'used')) {
      aux = aux ?? 'past';
      continue;
    }
    // A "noun" right after a subject pronoun is a verb the tagger did not know ("we rewrote").
    const verb = v.pos === 'VERB' || (v.pos === 'NOUN' && j === i + 1 && !DISCOURSE.has(v.norm) && v.norm.length > 3);
    if (verb && !BETWEEN.has(v.norm)) {
      const past = v.norm !== v.lemma && !v.norm.endsWith('s');
      // "I try to" is a habit claimed, "I tried to" a step taken.
      if (NON_ACTION.has(v.lemma) || v.norm.endsWith('ing') || (v.lemma === 'try' && !past && !aux)) return null;
      return aux ?? (past ? 'past' : 'present');
    }
    if (!(BETWEEN.has(v.norm) || v.pos === 'ADV' || v.pos === 'INTJ')) return null;
  }
  return null;
}

/** Spoken answers list steps without a subject: "so um just kind of planning that, deciding the theme…". */
const LEADING_GERUND = 2;
const LEAD_IN = new Set([...BETWEEN, 'so', 'but', 'by', 'yeah', 'well', 'or', 'generally', 'mostly', 'usually']);

/**
 * True when the sentence opens, after fillers and hedges, with an action verb in -ing ("doing things
 * like…" counts, unlike "I do think"). The tagger calls some such gerunds nouns or adjectives
 * ("planning that", "convincing him"); an object right after one shows it is a verb.
 */
function leadingGerund(tokens: readonly NlpToken[]): boolean {
  const i = tokens.findIndex((t) => !(LEAD_IN.has(t.norm) || t.pos === 'INTJ' || t.pos === 'ADV' || DISCOURSE.has(t.norm)));
  const first = tokens[i];
  if (!first || !/^\w{2,}ing$/u.test(first.norm)) return false;
  if (first.pos === 'VERB') return first.lemma === 'do' || !NON_ACTION.has(first.lemma);
  return (first.pos === 'NOUN' || first.pos === 'ADJ') && ['PRON', 'DET'].includes(tokens[i + 1]?.pos ?? '');
}

/**
 * "I" narrating a step (past or habitual past) beats "I" in the present, which beats "we", so the
 * candidate's own steps win as evidence; "I've / we've" + participle sums up experience (1).
 */
const CLAUSE_SCORE: Record<'i' | 'we', Record<Aspect, number>> = {
  i: { past: 2.5, present: 2, perfect: 1 },
  we: { past: 2, present: 2, perfect: 1 },
};

/**
 * The best action clause ("I"/"we" + action verb, scored by CLAUSE_SCORE) plus 0.25 per further
 * clause that reaches the threshold, so the sentence listing most of the steps wins as evidence;
 * 3 for "what I did was" and its kin.
 */
export function actionScore(sentence: string): number {
  if (/\b(?:what|how|the way|one thing|the first thing) (?:i|we)(?:'ve| have)? (?:\w+ )?(?:did|done|decided|ended up doing|had to do|handled|dealt with|solved|resolved|approached|tackled|fixed)\b|\bso i (?:went ahead and|decided to)\b/iu.test(sentence)) return 3;
  const tokens = analyseTokens(sentence);
  const clauses: number[] = [];
  tokens.forEach((t, i) => {
    if (t.norm !== 'i' && t.norm !== 'we') return;
    const prev = tokens[i - 1]?.norm ?? '';
    if (prev === 'i' || prev === 'we') return; // "I I made", "we we compared": one subject
    if (FRAME.has(prev)) return; // "since I came to college", "if we lose": a time frame or a condition, no step
    const aspect = verbAfter(tokens, i);
    if (aspect) clauses.push(CLAUSE_SCORE[t.norm as 'i' | 'we'][aspect]);
  });
  if (leadingGerund(tokens)) clauses.push(LEADING_GERUND);
  if (clauses.length === 0) return 0;
  const strong = clauses.filter((c) => c >= STAR_THRESHOLD).length;
  return Math.max(...clauses) + 0.25 * Math.max(0, strong - 1);
}

export interface SentenceStarScores {
  readonly situation: number;
  readonly task: number;
  readonly action: number;
  readonly result: number;
}

export function scoreSentence(text: string): SentenceStarScores {
  // Transcripts mix typographic and plain apostrophes ("I’m", "I'm"); the cues spell the plain one.
  const sentence = text.replace(/[‘’`]/gu, "'");
  return {
    situation: cueScore(sentence, SITUATION),
    task: cueScore(sentence, TASK),
    action: actionScore(sentence),
    result: cueScore(sentence, RESULT),
  };
}

/** Share of the answer's words that count as its opening. */
export const OPENING_SHARE = 0.25;

/**
 * Whether each sentence starts in the opening quarter of the answer's words. A weak context cue there
 * ("in the robotics project", "going back to my fraternity") is the context: speakers set the scene
 * first. (The mirror rule for outcomes at the end was tried and added false results.)
 */
function opening(sentences: readonly string[]): boolean[] {
  const counts = sentences.map((s) => s.split(/\s+/u).filter(Boolean).length);
  const total = counts.reduce((a, b) => a + b, 0);
  let before = 0;
  return counts.map((n) => {
    const first = before < total * OPENING_SHARE;
    before += n;
    return first;
  });
}

/** STAR presence and evidence for one answer's sentences (verbatim texts). */
export function detectStar(sentences: readonly string[]): Star {
  const scores = sentences.map(scoreSentence);
  const opens = opening(sentences);
  const part = (name: StarPart): Star[StarPart] => {
    let bestIdx = -1;
    let best = 0;
    scores.forEach((s, i) => {
      const v = s[name] + (name === 'situation' && s[name] > 0 && opens[i] ? 1 : 0);
      const later = name === 'action' || name === 'result';
      if (v > best || (later && v === best && v > 0)) [best, bestIdx] = [v, i];
    });
    return best >= STAR_THRESHOLD ? { present: true, evidence: sentences[bestIdx]! } : { present: false };
  };
  return { situation: part('situation'), task: part('task'), action: part('action'), result: part('result') };
}

/** True when some sentence reports a team action ("we rebuilt…"), which the tips treat apart from none. */
export const hasTeamAction = (sentences: readonly string[]): boolean => sentences.some((s) => actionScore(s) >= 1);

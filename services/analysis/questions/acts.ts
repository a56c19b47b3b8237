/**
 * What one sentence does in the conversation: asks an interview question, sets one up, or something
 * that only looks like a question (small talk, logistics, a back-channel, a closing). The single
 * sentence-level rule set behind every question count and every Q/A segment (see turn.ts for turns).
 *
 * A sentence is read after dropping its opening discourse words ("so", "ok great", "um", "please",
 * "that makes sense", "last question"…), which carry no question. Then the first rule that applies:
 *   1. Nothing left, or a bare response token ("really?", "oh yeah?", "is that right?", "did you?"):
 *      back-channel. Listeners say these to keep the speaker going; they expect no answer.
 *   2. A request to go on ("tell me why", "how so?", "can you be more specific?") or an invitation
 *      to ask ("any questions?"): ask, however short.
 *   3. Greetings and well-being talk ("hi, how are you doing today?", "how was your weekend?"):
 *      small talk; whatever follows them in the same sentence is judged on its own.
 *   4. Saying the interview is paused ("this is off the record"): off-record.
 *   5. Requests about the room or the recording ("could I get you to scoot over?", "can you hear
 *      me?", "is this recording?", "ready?"), unless they carry an interview prompt: logistics.
 *   6. A question form: an interview prompt ("tell me…", "talk about…", "walk me through…",
 *      "describe…", "give me an example…", "think of a time…"), which needs no "?" because
 *      interviewers mostly ask in imperatives; an embedded ask ("I'd like to hear…", "I'm curious
 *      what…"); a WH word that opens a question (not "what I did was…", "how nice", "which is
 *      why…"); an auxiliary before its subject ("do you…", "can you…", "is there…"); a WH clause
 *      inside the sentence ("if you could change one thing, what would it be"); or a "?" at the
 *      end (a declarative question: "you have one in mind?"). A "?" on one or two words that echo
 *      the other speaker ("Bangkok?") is a back-channel instead. Otherwise: ask.
 *   7. Thanks and goodbyes ("thanks for coming in"): closing; framing a question to come ("think of
 *      a job you'd like to have"): setup; anything else: statement.
 */

export type SentenceAct = 'ask' | 'setup' | 'small_talk' | 'logistics' | 'back_channel' | 'closing' | 'off_record' | 'statement';

/** How an ask is phrased: polar and declarative asks can be answered by "yes" alone. */
export type AskForm = 'prompt' | 'wh' | 'polar' | 'embedded' | 'declarative';

export interface Reading {
  readonly act: SentenceAct;
  readonly form?: AskForm;
}

/** Lower case, annotations ("[laughs]", "(inaudible)") and punctuation removed, apostrophes straight. */
export function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/\[[^\]]*\]|\([^)]*\)/gu, ' ')
    .replace(/[\u2018\u2019`]/gu, "'")
    .replace(/[^\p{L}\p{N}'\s-]+/gu, ' ')
    .replace(/(?<![\p{L}\p{N}])['-]+|['-]+(?![\p{L}\p{N}])/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

const alt = (xs: readonly string[]): string => xs.join('|');

/** Acknowledgements, hesitations and transitions an interviewer puts before the question proper. */
const LEAD_WORDS = [
  'so', 'ok', 'okay', 'k', 'well', 'alright', 'all right', 'and', 'but', 'now', 'then', 'next', 'also', 'anyway', 'actually',
  'lastly', 'finally', 'first', 'firstly', 'please', 'sorry', 'excuse me', 'pardon', 'out of curiosity', 'quick question', 'u+h*m+', 'u+h+', 'u+n+h+', 'e+r+m*', 'e+m+', 'a+h+', 'oh+', 'o', 'h+m+', 'm+', 'm+-?h+m+',
  'u+m+-?h+u+m+', 'uh-?hu[hn]', "m'hmm", 'yes', 'yeah', 'yep', 'sure', 'right', 'great', 'good', 'very good', 'excellent', 'wonderful',
  'cool', 'nice', 'perfect', 'interesting', 'wow', '(?:thanks|thank you)(?: (?:so|very) much)?(?: for (?:that|sharing(?: that)?))?', 'got it', 'i see', "let's see", 'moving on', 'of course',
  'fair enough', 'sounds good', 'no problem', 'i understand', 'that makes (?:a lot of )?sense',
  "that's (?:great|good|interesting|fine|wonderful|excellent|fair|true|cool|awesome|very good|all right|alright)",
  "(?:i'm |i am )?(?:doing )?(?:pretty |really |very )?(?:good|fine|well|great|ok|okay|alright)", 'not bad',
  '(?:and )?(?:the |my |one )?(?:next|last|final|other|first) question(?: is)?', 'one more question',
];
const LEAD_IN = new RegExp(`^(?:(?:${alt(LEAD_WORDS)})(?: |$))+`, 'u');

/** The sentence, plain, with its opening discourse words removed ("Ok well so please tell me…" → "tell me…"). */
export const stripLeadIn = (text: string): string => plain(text).replace(LEAD_IN, '').trim();

/** "Any questions?": short, but an invitation to the candidate's own questions. */
const INVITE = /^(?:(?:do you have|are there|have you got) )?any (?:other |more |further |final |last )?questions(?: for (?:me|us))?$/u;

const BACK_CHANNEL = new RegExp(
  `^(?:${alt(['really', 'seriously', 'no way', 'huh', 'what', 'no', 'and then', 'then what', 'you know', 'is that (?:right|so|true|it)',
    "(?:is|isn't|was|wasn't|did|didn't|do|does|are|were|have|has) (?:it|you|they|he|she|that|there)", 'you (?:did|were|do|are|have)'])})$`,
  'u',
);

/** Follow-ups that ask the candidate to go on about what they just said. */
const ELABORATION = new RegExp(
  `^(?:${alt(['why', 'why not', 'how so', 'how come', 'in what way', 'such as', 'like what', 'for (?:example|instance)', 'what do you mean',
    'anything else', 'what else', 'what happened (?:next|then|after that)', 'and how did (?:that|it) (?:turn out|go|end)', 'how did (?:that|it) (?:turn out|go|end)',
    'tell (?:me|us) (?:a (?:little )?(?:bit )?)?(?:more|why|how)(?: about (?:that|it|this|them))?', 'give (?:me|us) (?:an |another |one )?example',
    '(?:can|could|would) you (?:please )?(?:elaborate|expand|explain|say more|tell (?:me |us )?more|give (?:me |us )?(?:an |another |one )?example|be (?:a (?:little )?(?:bit )?)?more specific)'])})(?: on (?:that|it|this))?$`,
  'u',
);

const SMALL_TALK = new RegExp(
  `^(?:${alt(['hi', 'hello', 'hey', '(?:good )?(?:morning|afternoon|evening)', "(?:it is |it's )?(?:(?:nice|good|great|pleased) )?(?:to meet you|to see you|meeting you)",
    "how (?:are|r) (?:you|ya|things)(?: doin'?g?| going)?(?: today| this (?:morning|afternoon|evening))?", "how(?:'s| is) (?:it going|your day|everything)",
    "how you doin'?g?(?: today)?", 'how have you been', 'how was your (?:day|weekend|morning|trip|commute|flight|break|summer|holiday|week)',
    'how about (?:you|yourself)', 'and (?:you|yourself)', 'did you find (?:us|the (?:place|room|office|building)|it)(?: okay| ok| alright| all right)?',
    '(?:are you )?enjoying (?:the|your) (?:weather|day|weekend|city)', "(?:the )?weather(?:'s| is) (?:great|nice|good|terrible|awful|bad)"])})(?: |$)`,
  'u',
);

/** Clause-initial imperatives and their polite forms: the usual way interviewers ask. */
const PROMPT_VERB =
  "(?:tell (?:me|us|about|a (?:time|bit|little))|talk (?:to (?:me|us) )?(?:about|a (?:bit|little)|more|through)|(?:walk|take|run) (?:me|us) through|describe|explain|elaborate|expand on|go (?:over|through|into)|give (?:me|us) (?:an?|some|one|two|three|your)|share (?:an?|one|some|your|with)|name (?:an?|one|two|three|some)|introduce yourself|say (?:more|a (?:bit|little|few words))|think (?:of|about|back (?:to|on)) (?:an?|one|the) (?:time|situation|example|moment|instance|occasion|project))\\b";
/** Words after which "tell me…" is reported ("he would tell me…", "I had to tell them…"), not asked. */
const NOT_IMPERATIVE = "i|you|he|she|we|they|it|would|will|to|could|can|did|didn't|don't|doesn't|who|that|people|always|just|i'd|you'd|he'd|she'd|we'd|they'd|should|might|must|gonna|wanna|not|never|me|them|him|her|us";
/**
 * At the start of the sentence any prompt verb; later in it only "tell me / walk me through / give me
 * an example" (unpunctuated turns: "you think you're a leader tell me why"), because a candidate's
 * "…and explain it to the team" continues a statement.
 */
const PROMPT = new RegExp(
  `^(?:(?:can|could|would|will) you(?: please)?|why don't you|do you want to|would you like to|(?:i'd|i would|we'd) like (?:for )?you to|i want you to|let's|you can)? ?${PROMPT_VERB}|^(?:(?:why don't you|let's|can you|could you|please) )?(?:start|begin)(?: off)? (?:by|with) (?:you )?(?:telling|talking|walking|describing|giving|sharing|introducing)\\b|(?<!\\b(?:${NOT_IMPERATIVE}) )\\b(?:tell (?:me|us)|(?:walk|take) (?:me|us) through|give (?:me|us) an? (?:example|instance))\\b`,
  'u',
);

const LOGISTICS = new RegExp(
  `^(?:${alt(['can you (?:hear|see) (?:me|us|my screen)', "(?:is|are) (?:this|it|that|we|the (?:mic|microphone|camera|recorder|recording)) (?:on|working|recording|running|loud enough)",
    '(?:are you )?ready(?: to (?:start|begin|go))?', "(?:shall|should|can) we (?:start|begin|get started)", "(?:do you mind|is it (?:ok|okay|alright|all right|fine)) if (?:i|we) (?:record|start|begin)",
    'before we (?:start|begin)'])})\\b|^(?:(?:can|could|would|will) (?:you|i get you to|i ask you to)|do you mind|please|let me know (?:when|if)).*\\b(?:${alt([
    'scoot', 'move (?:over|closer|back|up)', 'sit', 'stand', 'speak up', 'louder', 'closer', 'lean', 'camera', 'mic', 'microphone', 'recording',
    'record', 'screen', 'volume', 'mute', 'unmute', 'hear me', 'see me', 'water', 'coffee', 'restroom', 'bathroom', 'chair', 'door', 'seat',
    'turn (?:around|off|on)', 'headphones'])})\\b`,
  'u',
);

const WH = new Set(['what', "what's", 'whats', 'why', 'how', "how's", 'when', 'where', 'which', 'who', "who's", 'whom', 'whose']);
const AUX = new Set([
  'do', 'does', 'did', 'can', 'could', 'would', 'will', 'should', 'shall', 'is', 'are', 'was', 'were', 'have', 'has', 'had', 'may', 'might',
  "don't", "doesn't", "didn't", "can't", "couldn't", "wouldn't", "won't", "isn't", "aren't", "wasn't", "haven't", "hasn't", "shouldn't",
]);
/** After an auxiliary opening, a subject makes it a question ("Do you…", "Is there…"). */
const SUBJECTS = new Set(['you', 'i', 'we', 'they', 'he', 'she', 'it', 'there', 'that', 'this', 'the', 'your', 'any', 'anyone', 'anything', 'someone', 'something', 'ya', 'u']);
/** "What I did was…", "When we started…": a WH word before a subject opens a statement. */
const STATEMENT_SUBJECTS = new Set(['i', 'we', 'they', 'he', 'she', 'my', 'our', 'their', 'his', 'her', "i'm", "we're", "they're", "i've", "we've"]);
/** "Which is why…", "which made…": a relative clause going on, not a question. */
const RELATIVE_WHICH = new Set(['is', 'was', 'are', 'were', "isn't", "wasn't", 'means', 'meant', 'made', 'makes', 'led', 'leads', 'gave', 'gives', 'helped', 'helps', 'allowed', 'kind', 'sort', 'i', 'we']);
const WH_OPENERS = /^(?:what|which) (?:kind|sort|type)s? of\b|^how (?:many|much|long|often|far|old|big|come|so|about)\b|^why(?: not)?$|^how$/u;
const EXCLAMATION = /^(?:what an?|how (?:nice|interesting|cool|great|wonderful|fun|funny|exciting|neat|lovely|awesome|sad|terrible|impressive|amazing|strange|weird))\b/u;
/** A WH clause inside the sentence: "if you were given the option … what would it be" ("which" there is relative). */
const INNER_WH = /\b(?:what|how|why|where|who|when)(?: \S+)? (?:would|could|will|should|do|does|did|can|might|are|is) (?:you|it|that|this|your)\b/u;
/** "What makes you…", "What happened?": the WH word is the subject of a verb. */
const WH_VERBS = new Set(['makes', 'made', 'happened', 'happens', 'brings', 'brought', 'led', 'interests', 'interested', 'motivates', 'motivated', 'drives', 'drew', 'attracted', 'excites', 'inspired']);
/** "I'd like to hear…", "I'm curious what…": asks; "I'd like to talk about…", "I'm interested in…" are statements. */
const EMBEDDED =
  /^(?:(?:i'd|i would|we'd|we would) (?:like|love) (?:to (?:hear|know|learn)|(?:for )?you to (?:tell|talk|describe|explain|walk|share|give|say|go))|i (?:want|wanna) to (?:know|hear)|i'm (?:curious (?:about|to|what|how|why|whether|if|which)|interested to (?:know|hear))|i (?:wonder|was wondering) (?:what|how|why|whether|if|which))\b/u;
const SETUP = /^(?:(?:i'd|i would|i want|we'd|we want) (?:like )?(?:you )?to )?(?:now )?(?:think(?:ing)?|imagine|picture|suppose|consider|pretend|assume|let's say|say you)\b/u;
const OFF_RECORD = /\b(?:off (?:the )?(?:record|interview|topic)|not (?:part of|for) the interview)\b/u;
const CLOSING =
  /\b(?:thanks?(?: you)? (?:(?:so|very) much )?(?:again )?for (?:coming|your time|interviewing|taking|meeting|talking|being)|(?:i )?appreciate (?:you|your)|(?:this|that) (?:concludes|is all|'s all|'s it|is it)|(?:well )?that (?:concludes|wraps)|we(?:'ll| will) (?:be in touch|get back)|(?:it was )?(?:nice|great|good) (?:talking|meeting|speaking)|have a (?:good|great|nice)|good luck|take care)\b/u;

/** "What was really cool was that…": a pseudo-cleft statement, which opens like a question. */
const PSEUDO_CLEFT = /^what (?:\S+ ){0,4}?(?:is|was) (?:\S+ ){0,5}?(?:is|was)\b/u;

const ANNOTATIONS_AT_END = /(?:\s*(?:\[[^\]]*\]|\([^)]*\)))+\s*$/u;

const words = (s: string): string[] => (s === '' ? [] : s.split(' '));

function questionForm(core: string, endsWithMark: boolean): AskForm | undefined {
  if (PROMPT.test(core)) return 'prompt';
  if (EMBEDDED.test(core)) return 'embedded';
  const ws = words(core);
  const [w0 = '', w1, w2] = ws;
  if (WH.has(w0) && !EXCLAMATION.test(core)) {
    if (WH_OPENERS.test(core)) return 'wh';
    const startsStatement = w1 !== undefined && STATEMENT_SUBJECTS.has(w1);
    const relative = w0 === 'which' && w1 !== undefined && RELATIVE_WHICH.has(w1);
    const cleft = !endsWithMark && PSEUDO_CLEFT.test(core);
    // "What programming languages are you…": an auxiliary before its subject right after the WH phrase.
    const inverted = [1, 2, 3].some((i) => AUX.has(ws[i] ?? '') && SUBJECTS.has(ws[i + 1] ?? ''));
    const opens = w0.endsWith("'s") || w0 === 'whats' || AUX.has(w1 ?? '') || AUX.has(w2 ?? '') || WH_VERBS.has(w1 ?? '') || inverted || endsWithMark;
    if (!startsStatement && !relative && !cleft && opens) return 'wh';
  }
  if (AUX.has(w0) && w1 !== undefined && SUBJECTS.has(w1)) return 'polar';
  if (INNER_WH.test(core)) return 'wh';
  return endsWithMark ? 'declarative' : undefined;
}

/** Words that carry no topic, left out when checking whether a short question echoes the other speaker. */
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'your', 'my', 'so', 'and', 'or', 'of', 'in', 'on', 'to', 'that', 'this', 'it']);

/** Every topic word of `core` was just said by the other speaker: "Bangkok?" after "…in Bangkok". */
function echoes(core: string, previousTurn: string): boolean {
  const said = new Set(words(plain(previousTurn)));
  return words(core).every((w) => FUNCTION_WORDS.has(w) || said.has(w));
}

/**
 * What one sentence does; see the header for the rules and their order. `previousTurn` is what the
 * other speaker said just before, when known: a one- or two-word "?" ("Career goals?") asks when it
 * brings up something new and is a back-channel when it echoes them; without it, a back-channel.
 */
export function readSentence(sentence: string, previousTurn?: string): Reading {
  const endsWithMark = /\?["')\]]*$/u.test(sentence.replace(ANNOTATIONS_AT_END, '').trim());
  let core = stripLeadIn(sentence);
  if (core === '' || BACK_CHANNEL.test(core)) return { act: 'back_channel' };
  if (ELABORATION.test(core) || INVITE.test(core)) return { act: 'ask', form: 'prompt' };
  const small = SMALL_TALK.exec(core);
  if (small) {
    // "Hi, how are you? Tell me about yourself" spoken without punctuation: judge what follows.
    core = core.slice(small[0].length).replace(LEAD_IN, '').trim();
    const rest = core === '' ? undefined : readSentence(core + (endsWithMark ? '?' : ''), previousTurn);
    return rest?.act === 'ask' ? rest : { act: 'small_talk' };
  }
  if (OFF_RECORD.test(core)) return { act: 'off_record' };
  if (!PROMPT.test(core) && LOGISTICS.test(core)) return { act: 'logistics' };
  const form = questionForm(core, endsWithMark);
  if (form === 'declarative' && words(core).length <= 2 && (previousTurn === undefined || echoes(core, previousTurn))) return { act: 'back_channel' };
  if (form) return { act: 'ask', form };
  if (CLOSING.test(plain(sentence))) return { act: 'closing' };
  if (SETUP.test(core)) return { act: 'setup' };
  return { act: 'statement' };
}

export const isAsk = (sentence: string): boolean => readSentence(sentence).act === 'ask';

/** "Tell me why.", "How so?", "Can you be more specific?": asks to go on about the last answer. */
export const isElaboration = (sentence: string): boolean => ELABORATION.test(stripLeadIn(sentence));

export const wordCount = (text: string): number => words(plain(text)).length;

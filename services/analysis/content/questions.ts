/**
 * Which interviewer sentences are questions, and what kind.
 *
 * A sentence is a question when, after dropping opening discourse words ("so", "ok", "well", "um",
 * "great, thanks", "please"…), it
 *   (a) contains an interview prompt ("tell me about", "walk me through", "describe a time", "give me
 *       an example", "can you tell me"…), or
 *   (b) ends with "?" or opens with an interrogative ("what", "why", "how would you", "can you",
 *       "did you"…),
 * and it has at least MIN_QUESTION_WORDS words, so backchannels and nudges ("Really?", "And then?",
 * "mm-hm") do not cut an answer in two. Greetings ("how are you doing?") are small talk, not
 * interview questions, and are excluded.
 *
 * Question kind decides the recommended answer length and whether STAR is expected: "behavioural"
 * covers STAR-style prompts (a time / an example / a situation / a project / how did you handle …);
 * "open" the narrative prompts coaches give the same 1–2 minute budget without expecting a story
 * ("tell me about yourself", "walk me through your resume", "why do you want…", "greatest
 * weakness"); everything else is "factual".
 */
export type QuestionKind = 'behavioural' | 'open' | 'factual';

export const MIN_QUESTION_WORDS = 3;

const LEAD_IN =
  /^(?:(?:so|ok|okay|well|alright|all right|and|but|um+|uh+|er|ah|hmm+|great|good|cool|thanks|thank you|right|now|next|then|also|lastly|finally|first|firstly|please|perfect|sure|yes|yeah|interesting|got it|i see|let's see|moving on|that's great|that's interesting)\b[\s,.;:!-]*)+/iu;

const PROMPT =
  /\b(?:tell me (?:about|more|a (?:little|bit)|how|why|what|when)|tell us about|walk (?:me|us) through|talk (?:me|us) through|take me through|describe (?:a|an|the|your|how|what|for)|give (?:me|us) an? (?:example|instance)|share an? (?:example|time|story|situation)|(?:can|could|would) you (?:tell|describe|explain|talk|walk|share|give)|i'?d (?:like|love) (?:you )?to (?:hear|know)|explain (?:how|why|what|your|a)|what would you|how would you|what do you|how do you|why do you|why did you|how did you|what did you)\b/iu;

const INTERROGATIVE =
  /^(?:what|what's|whats|why|how|how's|when|where|which|who|whom|whose|do|does|did|have|has|had|are|is|was|were|would|could|can|will|should|shall|may|might)\b/iu;

const SMALL_TALK =
  /^(?:how (?:are|r) (?:you|ya)|how's it going|how is it going|how was your (?:day|weekend|trip|commute)|how have you been|nice to meet|good (?:morning|afternoon|evening)|can you hear me|is this (?:working|recording)|ready to (?:start|begin)|shall we (?:start|begin)|are you ready)\b/iu;

const OPEN =
  /\b(?:tell (?:me|us) (?:a (?:little|bit) )?(?:more )?about (?:yourself|your (?:background|experience|resume|career|self))|walk (?:me|us) through your (?:resume|cv|background|career)|why (?:do|did|would) you want|why (?:are you interested|should we hire|this (?:company|role|job))|(?:greatest|biggest) (?:weakness|strength)|where do you see yourself)\b/iu;

const BEHAVIOURAL =
  /\b(?:a time|an? (?:example|instance|situation|occasion|story)|(?:tell|walk|talk|take) (?:me|us) (?:about|through) (?:a|an|the|your|how|something|one)|describe (?:a|an|how|your experience)|how did you (?:handle|deal|manage|solve|resolve|approach|overcome|respond|lead|get)|when you (?:had|were|faced|disagreed|failed|made|led|worked)|(?:greatest|biggest|proudest) (?:achievement|accomplishment|challenge|mistake|failure)|(?:a|an|the) (?:project|launch|challenge|conflict|mistake|failure) (?:you|that you)|you(?:'re| are) proud of)\b/iu;

const wordsOf = (s: string): string[] => s.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));

/** The sentence with opening discourse words removed ("Ok well so please tell me…" → "tell me…"). */
export const stripLeadIn = (sentence: string): string => sentence.trim().replace(LEAD_IN, '').trim();

export function isQuestion(sentence: string): boolean {
  const core = stripLeadIn(sentence);
  if (wordsOf(core).length < MIN_QUESTION_WORDS || SMALL_TALK.test(core)) return false;
  if (PROMPT.test(core)) return true;
  return /\?["')\]]*\s*$/u.test(core) || INTERROGATIVE.test(core);
}

/** Prompts ("tell me about…") beat plain interrogatives when picking a turn's most specific question. */
export const isPrompt = (sentence: string): boolean => PROMPT.test(stripLeadIn(sentence));

export const questionKind = (question: string): QuestionKind =>
  OPEN.test(question) ? 'open' : BEHAVIOURAL.test(question) ? 'behavioural' : 'factual';

/**
 * InterviewActor: the single writer of one interview's lifecycle. It loads state, applies the pure
 * reducer, saves, and performs the effects (publish, deadline reminders) inside the same turn, so
 * they commit together. Rejections are returned as data, not thrown: they cross a wire in Dapr mode.
 */
import { randomUUID } from 'node:crypto';
import type { ActorContext, ActorType } from '../dapr/ports/actors.js';
import { Components } from '../dapr/ports/runtime.js';
import { isAppError } from '../services/shared/errors.js';
import { reduce } from './interview.reducer.js';
import { summaryChanged, summaryOf } from './interview.summary.js';
import { USER_ACTOR } from './user.actor.js';
import type { Effect, InterviewEvent, InterviewState, LifecyclePolicy, Outcome, Stage } from './interview.types.js';

export const INTERVIEW_ACTOR = 'InterviewActor';
const KEY = 'interview';
const DEADLINE = 'deadline';
/** The token of the armed deadline: a replaced reminder that fires anyway (a race) is ignored. */
const DEADLINE_TOKEN = 'deadlineToken';

/** Events as callers send them: the actor stamps the time with its own clock. */
export type InterviewCommand = InterviewEvent extends infer E ? (E extends InterviewEvent ? Omit<E, 'at'> : never) : never;

export type DispatchResult =
  | { outcome: Outcome; state: InterviewState }
  | { outcome: 'rejected'; error: { code: string; message: string }; state: InterviewState | null };

export function interviewActor(policy: LifecyclePolicy): ActorType {
  async function dispatch(ctx: ActorContext, command: InterviewCommand): Promise<DispatchResult> {
    const current = await ctx.state.get<InterviewState>(KEY);
    const event = { ...command, at: ctx.now() } as InterviewEvent;
    let t;
    try {
      t = reduce(current, event, policy);
    } catch (err) {
      if (!isAppError(err)) throw err;
      return { outcome: 'rejected', error: { code: err.code, message: err.message }, state: current ?? null };
    }
    if (t.outcome === 'applied') {
      ctx.state.set(KEY, t.state);
      for (const effect of t.effects) perform(ctx, effect);
      // Inside the turn, so the list is current once the transition returns. Should the turn fail
      // after this, the retried event writes the same revision again.
      if (summaryChanged(current, t.state)) await ctx.actors.invoke(USER_ACTOR, t.state.ownerUid, 'putSummary', summaryOf(t.state));
    }
    return { outcome: t.outcome, state: t.state };
  }

  return {
    type: INTERVIEW_ACTOR,
    methods: {
      dispatch,
      async get(ctx) {
        return (await ctx.state.get<InterviewState>(KEY)) ?? null;
      },
    },
    async onReminder(ctx, name, data) {
      if (name !== DEADLINE) return;
      const { stage, token } = data as { stage: Stage; token: string };
      if (token !== (await ctx.state.get<string>(DEADLINE_TOKEN))) return;
      // The token makes a re-fired reminder (at-least-once) a duplicate event, not a second retry.
      await dispatch(ctx, { type: 'deadline', stage, eventId: `deadline:${token}` });
    },
  };
}

function perform(ctx: ActorContext, effect: Effect): void {
  switch (effect.type) {
    case 'publish':
      ctx.publish(Components.pubsub, effect.topic, effect.data, { id: randomUUID(), type: effect.topic });
      return;
    case 'setDeadline': {
      const token = randomUUID();
      ctx.state.set(DEADLINE_TOKEN, token);
      ctx.registerReminder(DEADLINE, { dueTimeMs: effect.inMs, data: { stage: effect.stage, token } });
      return;
    }
    case 'clearDeadline':
      ctx.state.delete(DEADLINE_TOKEN);
      ctx.unregisterReminder(DEADLINE);
      return;
  }
}

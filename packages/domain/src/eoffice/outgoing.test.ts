import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyReviewDecision,
  canDecideReviewStep,
  canIssueOutgoing,
  canSignOutgoing,
  canTakeOutgoingAction,
  currentReviewStage,
  type Delegation,
  decidableReviewSteps,
  OUTGOING_ACTIONS,
  OUTGOING_TRANSITIONS,
  type ReviewStep,
  reviewChainOutcome,
  validateReviewChain,
} from './outgoing.js';
import { OUTGOING_STATES } from './vocabulary.js';

const step = (stage: number, reviewerUserId: string, kind: 'review' | 'approve' = 'review'): ReviewStep => ({
  stage,
  reviewerUserId,
  substituteUserId: null,
  kind,
  decision: 'pending',
});

const TODAY = '2026-12-07';
const none: Delegation[] = [];

describe('the state table of an outgoing document (Decree 30/2020 Art. 10–19)', () => {
  it('goes draft → in review → approved → signed → issued and back to the drafter on a return', () => {
    expect(canTakeOutgoingAction('draft', 'submit')).toBe(true);
    expect(canTakeOutgoingAction('returned', 'submit')).toBe(true);
    expect(canTakeOutgoingAction('in_review', 'decide')).toBe(true);
    expect(canTakeOutgoingAction('approved', 'sign')).toBe(true);
    expect(canTakeOutgoingAction('in_review', 'sign')).toBe(false);
    expect(canTakeOutgoingAction('signed', 'seal')).toBe(true);
    expect(canTakeOutgoingAction('signed', 'issue')).toBe(true);
    expect(canTakeOutgoingAction('issued', 'cancel')).toBe(false);
    expect(canTakeOutgoingAction('signed', 'cancel')).toBe(false);
  });

  it('lets nothing leave issued or cancelled, and no action skip the review to be signed', () => {
    for (const action of OUTGOING_ACTIONS) {
      expect(canTakeOutgoingAction('issued', action)).toBe(false);
      expect(canTakeOutgoingAction('cancelled', action)).toBe(false);
    }
    const reachSigned = OUTGOING_ACTIONS.filter((action) => OUTGOING_TRANSITIONS[action].to.includes('signed'));
    for (const action of reachSigned) {
      for (const from of OUTGOING_TRANSITIONS[action].from) {
        expect(['approved', 'signed']).toContain(from);
      }
    }
    expect(OUTGOING_STATES).toContain('returned');
  });

  it('issues only what both the signer and the organisation signed', () => {
    expect(canIssueOutgoing({ state: 'signed', signedAt: new Date(), organisationSignedAt: null })).toBe(false);
    expect(canIssueOutgoing({ state: 'signed', signedAt: new Date(), organisationSignedAt: new Date() })).toBe(true);
    expect(canIssueOutgoing({ state: 'approved', signedAt: null, organisationSignedAt: null })).toBe(false);
  });
});

describe('the review chain', () => {
  it('checks the chain: stages without holes, one step per reviewer and stage, an approve step', () => {
    expect(validateReviewChain([])).toBe('OUTGOING_CHAIN_EMPTY');
    expect(validateReviewChain([step(1, 'a'), step(3, 'b', 'approve')])).toBe('OUTGOING_CHAIN_STAGES');
    expect(validateReviewChain([step(1, 'a'), step(1, 'a', 'approve')])).toBe('OUTGOING_CHAIN_DUPLICATE');
    expect(validateReviewChain([step(1, 'a'), step(2, 'b')])).toBe('OUTGOING_CHAIN_NO_APPROVE');
    expect(validateReviewChain([{ ...step(1, 'a', 'approve'), substituteUserId: 'a' }])).toBe(
      'OUTGOING_CHAIN_SUBSTITUTE',
    );
    expect(validateReviewChain([step(1, 'a'), step(1, 'c'), step(2, 'b', 'approve')])).toBeNull();
  });

  it('runs stages in order and the steps of one stage in parallel', () => {
    const chain = [step(1, 'a'), step(1, 'c'), step(2, 'b', 'approve')];
    const ask = (steps: ReviewStep[], stage: number, reviewer: string, actor = reviewer) =>
      canDecideReviewStep(steps, {
        stage,
        reviewerUserId: reviewer,
        actorUserId: actor,
        delegations: none,
        today: TODAY,
      });
    expect(ask(chain, 2, 'b')).toBe(false);
    expect(ask(chain, 1, 'c')).toBe(true);
    const afterC = applyReviewDecision(chain, { stage: 1, reviewerUserId: 'c', decision: 'approved' });
    expect(afterC.outcome).toBe('in_review');
    expect(currentReviewStage(afterC.steps)).toBe(1);
    const afterA = applyReviewDecision(afterC.steps, { stage: 1, reviewerUserId: 'a', decision: 'approved' });
    expect(currentReviewStage(afterA.steps)).toBe(2);
    expect(ask(afterA.steps, 2, 'b')).toBe(true);
    expect(ask(afterA.steps, 2, 'b', 'someone')).toBe(false);
    const done = applyReviewDecision(afterA.steps, { stage: 2, reviewerUserId: 'b', decision: 'approved' });
    expect(done.outcome).toBe('approved');
  });

  it('lets the substitute or a holder of an approve delegation decide, not a sign delegation', () => {
    const chain = [{ ...step(1, 'a', 'approve'), substituteUserId: 's' }];
    const ask = (actor: string, delegations: Delegation[]) =>
      canDecideReviewStep(chain, { stage: 1, reviewerUserId: 'a', actorUserId: actor, delegations, today: TODAY });
    expect(ask('s', none)).toBe(true);
    const delegation: Delegation = {
      fromUserId: 'a',
      toUserId: 'd',
      scope: 'approve',
      validFrom: '2026-12-01',
      validTo: '2026-12-31',
      revoked: false,
    };
    expect(ask('d', [delegation])).toBe(true);
    expect(ask('d', [{ ...delegation, scope: 'sign' }])).toBe(false);
    expect(ask('d', [{ ...delegation, revoked: true }])).toBe(false);
    expect(ask('d', [{ ...delegation, validTo: '2026-12-06' }])).toBe(false);
    expect(decidableReviewSteps(chain, 'd', [delegation], TODAY)).toHaveLength(1);
  });

  it('ends the round at a return: the other pending steps are skipped', () => {
    const chain = [step(1, 'a'), step(1, 'c'), step(2, 'b', 'approve')];
    const returned = applyReviewDecision(chain, { stage: 1, reviewerUserId: 'a', decision: 'returned' });
    expect(returned.outcome).toBe('returned');
    expect(returned.steps.map((item) => item.decision)).toEqual(['returned', 'skipped', 'skipped']);
    expect(currentReviewStage(returned.steps)).toBeNull();
  });

  const chainArb = fc
    .array(fc.array(fc.constantFrom('u1', 'u2', 'u3', 'u4'), { minLength: 1, maxLength: 3 }), {
      minLength: 1,
      maxLength: 4,
    })
    .map((stages) =>
      stages.flatMap((reviewers, index) =>
        [...new Set(reviewers)].map((reviewer, position) =>
          step(index + 1, reviewer, index === stages.length - 1 && position === 0 ? 'approve' : 'review'),
        ),
      ),
    );

  it('approves a document only when every step of every stage approved, in stage order', () => {
    fc.assert(
      fc.property(
        chainArb,
        fc.array(
          fc.record({
            stage: fc.integer({ min: 1, max: 4 }),
            reviewer: fc.constantFrom('u1', 'u2', 'u3', 'u4'),
            actor: fc.constantFrom('u1', 'u2', 'u3', 'u4', 'x'),
            decision: fc.constantFrom('approved', 'approved', 'approved', 'returned') as fc.Arbitrary<
              'approved' | 'returned'
            >,
          }),
          { maxLength: 40 },
        ),
        (chain, attempts) => {
          expect(validateReviewChain(chain)).toBeNull();
          let steps = chain;
          let outcome = reviewChainOutcome(steps);
          const decidedStages: number[] = [];
          for (const attempt of attempts) {
            if (outcome !== 'in_review') {
              break;
            }
            const allowed = canDecideReviewStep(steps, {
              stage: attempt.stage,
              reviewerUserId: attempt.reviewer,
              actorUserId: attempt.actor,
              delegations: none,
              today: TODAY,
            });
            if (!allowed) {
              continue;
            }
            expect(attempt.actor).toBe(attempt.reviewer);
            const applied = applyReviewDecision(steps, {
              stage: attempt.stage,
              reviewerUserId: attempt.reviewer,
              decision: attempt.decision,
            });
            steps = applied.steps;
            outcome = applied.outcome;
            decidedStages.push(attempt.stage);
          }
          // Decisions came in stage order.
          expect([...decidedStages].sort((a, b) => a - b)).toEqual(decidedStages);
          if (outcome === 'approved') {
            expect(steps.every((item) => item.decision === 'approved')).toBe(true);
            expect(decidedStages).toHaveLength(chain.length);
          }
          if (outcome === 'returned') {
            expect(steps.filter((item) => item.decision === 'returned')).toHaveLength(1);
            expect(steps.some((item) => item.decision === 'pending')).toBe(false);
          }
        },
      ),
    );
  });

  it('always reaches approved when everyone approves in turn', () => {
    fc.assert(
      fc.property(chainArb, (chain) => {
        let steps = chain;
        let rounds = 0;
        while (reviewChainOutcome(steps) === 'in_review' && rounds < 50) {
          const stage = currentReviewStage(steps);
          const next = steps.find((item) => item.stage === stage && item.decision === 'pending');
          if (!next) {
            break;
          }
          steps = applyReviewDecision(steps, {
            stage: next.stage,
            reviewerUserId: next.reviewerUserId,
            decision: 'approved',
          }).steps;
          rounds += 1;
        }
        expect(reviewChainOutcome(steps)).toBe('approved');
      }),
    );
  });
});

describe('who signs (Art. 13)', () => {
  const sign: Delegation = {
    fromUserId: 'head',
    toUserId: 'deputy',
    scope: 'sign',
    validFrom: '2026-12-01',
    validTo: '2026-12-31',
    revoked: false,
  };

  it('is the named signer; TUQ. needs a sign delegation in force', () => {
    const base = { signerUserId: 'deputy', actorUserId: 'deputy', delegations: none, today: TODAY };
    expect(canSignOutgoing({ ...base, signMode: 'kt' })).toBe('ok');
    expect(canSignOutgoing({ ...base, signMode: 'direct', actorUserId: 'head' })).toBe('OUTGOING_NOT_SIGNER');
    expect(canSignOutgoing({ ...base, signMode: 'tuq' })).toBe('OUTGOING_DELEGATION_REQUIRED');
    expect(canSignOutgoing({ ...base, signMode: 'tuq', delegations: [sign] })).toBe('ok');
    expect(canSignOutgoing({ ...base, signMode: 'tuq', delegations: [{ ...sign, scope: 'approve' }] })).toBe(
      'OUTGOING_DELEGATION_REQUIRED',
    );
    expect(canSignOutgoing({ ...base, signMode: 'direct', signerUserId: null })).toBe('OUTGOING_NOT_SIGNER');
  });
});

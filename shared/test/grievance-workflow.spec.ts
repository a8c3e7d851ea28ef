import { GrievanceMove, GrievanceState, grievanceStep, isGrievanceOverdue } from '../src';

const fresh = (over: Partial<GrievanceState> = {}): GrievanceState => ({
  status: 'submitted',
  type: 'complaint',
  completed: false,
  reopened: false,
  extended: false,
  atUpperLevel: false,
  pastDue: false,
  questionOpen: false,
  ...over,
});

/** Applies moves in order; throws on the first illegal one. */
function run(state: GrievanceState, ...moves: GrievanceMove[]): GrievanceState {
  return moves.reduce((s, m) => {
    const r = grievanceStep(s, m);
    if (!r) throw new Error(`illegal: ${m.kind} in ${s.status}`);
    return r.next;
  }, state);
}

const accept = { kind: 'accept' } as const;
const reply = { kind: 'reply' } as const;
const resolve = { kind: 'resolve' } as const;
const extend = { kind: 'extend' } as const;
const escalate = { kind: 'escalate' } as const;
const satisfied = { kind: 'feedback', verdict: 'satisfied' } as const;
const dissatisfied = { kind: 'feedback', verdict: 'dissatisfied' } as const;

describe('grievance workflow', () => {
  it('runs the closed loop: accept → reply → resolve → satisfied closes', () => {
    const s = run(fresh(), accept, reply, resolve);
    expect(s).toMatchObject({ status: 'resolved', completed: true });
    const end = grievanceStep(s, satisfied)!;
    expect(end.next.status).toBe('closed');
    expect(end.events).toEqual(['feedback', 'closed']);
  });

  it('records one timeline event per handler step', () => {
    expect(grievanceStep(fresh(), accept)!.events).toEqual(['accepted']);
    expect(grievanceStep(run(fresh(), accept), reply)!.events).toEqual(['replied']);
    expect(grievanceStep(run(fresh(), accept), resolve)!.events).toEqual(['resolved']);
    expect(grievanceStep(run(fresh(), accept), extend)!.events).toEqual(['extended']);
    expect(grievanceStep(fresh(), escalate)!.events).toEqual(['escalated']);
  });

  it('completes an enquiry with its answer, a complaint only with its resolution', () => {
    expect(run(fresh({ type: 'enquiry' }), accept, reply).completed).toBe(true);
    expect(run(fresh({ type: 'suggestion' }), accept, reply).completed).toBe(true);
    expect(run(fresh({ type: 'complaint' }), accept, reply).completed).toBe(false);
    expect(run(fresh({ type: 'legal_aid' }), accept, reply, resolve).completed).toBe(true);
  });

  it('lets the worker give feedback on an answered enquiry but not on an interim reply to a complaint', () => {
    expect(grievanceStep(run(fresh({ type: 'enquiry' }), accept, reply), satisfied)!.next.status).toBe('closed');
    expect(grievanceStep(run(fresh({ type: 'help' }), accept, reply), satisfied)).toBeNull();
  });

  it('reopens once when the worker is dissatisfied, with a new round', () => {
    const resolved = run(fresh(), accept, resolve);
    const r = grievanceStep(resolved, dissatisfied)!;
    expect(r.events).toEqual(['feedback', 'reopened']);
    expect(r.newRound).toBe(true);
    expect(r.next).toMatchObject({ status: 'accepted', completed: false, reopened: true, extended: false });
  });

  it('closes instead of reopening a second time', () => {
    const again = run(fresh(), accept, resolve, dissatisfied, resolve);
    const r = grievanceStep(again, dissatisfied)!;
    expect(r.next.status).toBe('closed');
    expect(r.events).toEqual(['feedback', 'closed']);
    expect(r.newRound).toBe(false);
  });

  it('allows an extension once per round, before the limit runs out', () => {
    const accepted = run(fresh(), accept);
    const extended = run(accepted, extend);
    expect(grievanceStep(extended, extend)).toBeNull();
    expect(grievanceStep({ ...accepted, pastDue: true }, extend)).toBeNull();
    // A reopened grievance may be extended again.
    const reopened = run(extended, resolve, dissatisfied);
    expect(grievanceStep(reopened, extend)).not.toBeNull();
  });

  it('escalates once, and never one already at the upper level', () => {
    const escalated = run(fresh(), accept, escalate);
    expect(escalated.atUpperLevel).toBe(true);
    expect(escalated.status).toBe('accepted');
    expect(grievanceStep(escalated, escalate)).toBeNull();
    expect(grievanceStep(fresh({ atUpperLevel: true }), escalate)).toBeNull();
  });

  // Every status × move pair that is not in the rules above.
  it.each<[string, GrievanceState, GrievanceMove]>([
    ['reply before accepting', fresh(), reply],
    ['resolve before accepting', fresh(), resolve],
    ['extend before accepting', fresh(), extend],
    ['feedback before accepting', fresh(), satisfied],
    ['accept twice', run(fresh(), accept), accept],
    ['feedback on an unanswered grievance', run(fresh(), accept), dissatisfied],
    ['reply twice', run(fresh(), accept, reply), reply],
    ['accept after replying', run(fresh(), accept, reply), accept],
    ['extend an answered enquiry', run(fresh({ type: 'enquiry' }), accept, reply), extend],
    ['escalate an answered enquiry', run(fresh({ type: 'enquiry' }), accept, reply), escalate],
    ['accept a resolved one', run(fresh(), accept, resolve), accept],
    ['reply to a resolved one', run(fresh(), accept, resolve), reply],
    ['resolve twice', run(fresh(), accept, resolve), resolve],
    ['extend a resolved one', run(fresh(), accept, resolve), extend],
    ['escalate a resolved one', run(fresh(), accept, resolve), escalate],
    ...(['accept', 'reply', 'resolve', 'extend', 'escalate'] as const).map((kind): [string, GrievanceState, GrievanceMove] => [
      `${kind} a closed one`,
      run(fresh(), accept, resolve, satisfied),
      { kind },
    ]),
    ['feedback on a closed one', run(fresh(), accept, resolve, satisfied), dissatisfied],
  ])('refuses to %s', (_, state, move) => {
    expect(grievanceStep(state, move)).toBeNull();
  });
});

describe('overdue', () => {
  const g = { status: 'submitted' as const, completed: false, acceptDueAt: '2026-10-08T16:00:00.000Z', dueAt: '2026-10-23T16:00:00.000Z' };

  it('is overdue once the acceptance limit passes without acceptance', () => {
    expect(isGrievanceOverdue(g, '2026-10-08T15:59:59.999Z')).toBe(false);
    expect(isGrievanceOverdue(g, '2026-10-08T16:00:00.000Z')).toBe(true);
    expect(isGrievanceOverdue({ ...g, status: 'accepted' }, '2026-10-09T00:00:00.000Z')).toBe(false);
  });

  it('is overdue past the last limit until completed, and never once closed', () => {
    expect(isGrievanceOverdue({ ...g, status: 'replied' }, '2026-10-24T00:00:00.000Z')).toBe(true);
    expect(isGrievanceOverdue({ ...g, status: 'resolved', completed: true }, '2026-10-24T00:00:00.000Z')).toBe(false);
    expect(isGrievanceOverdue({ ...g, status: 'closed' }, '2026-10-24T00:00:00.000Z')).toBe(false);
  });
});

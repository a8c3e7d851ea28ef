import { GRIEVANCE_STATUSES } from '@pingjia/shared';
import { Grievance, GrievanceEventRow } from './grievance.entity';
import { grievanceView, summaryView, trackView } from './grievance-views';
import { statusMessageData } from './grievance-notifier';

const grievance = (over: Partial<Grievance> = {}): Grievance => ({
  id: 'g1',
  homeId: 'h1',
  orgId: null,
  orgPath: '/p/c/',
  handlerOrgId: null,
  handlerOrgPath: null,
  escalated: false,
  type: 'complaint',
  topic: 'wages',
  content: '车间拖欠加班工资三个月了',
  contentStatus: 'approved',
  anonymous: true,
  reporterKey: 'k'.repeat(64),
  reporterName: null,
  contact: null,
  trackingHash: 'h'.repeat(64),
  status: 'accepted',
  version: 3,
  acceptDueAt: '2026-10-08T16:00:00.000Z',
  dueAt: '2026-10-23T16:00:00.000Z',
  completedAt: null,
  onTime: null,
  extended: true,
  reopened: false,
  acceptReminded: false,
  finalReminded: false,
  questionOpen: false,
  feedbackVerdict: null,
  feedbackComment: null,
  createdAt: '2026-09-30T07:03:00.000Z',
  updatedAt: '2026-10-08T02:00:00.000Z',
  ...over,
});

const event = (
  seq: number,
  kind: string,
  actorRole: string,
  message: string | null = null,
  days: number | null = null,
): GrievanceEventRow => ({
  id: `e${seq}`,
  grievanceId: 'g1',
  seq,
  kind,
  actorRole,
  message,
  verdict: null,
  days,
  at: '2026-09-30T07:03:00.000Z',
});

const events = [
  event(1, 'submitted', 'reporter'),
  event(2, 'accepted', 'chair'),
  event(3, 'extended', 'chair', '需要调查取证', 5),
  event(4, 'replied', 'chair', '已联系企业'),
];
const chair = { reporter: false, handles: true, actsAs: 'chair' as const };
const reporter = { reporter: true, handles: false, actsAs: null };
const now = new Date('2026-10-09T00:00:00.000Z');

describe('grievance views', () => {
  it("shows handlers only the day of the worker's own steps on an anonymous grievance", () => {
    const sut = grievanceView(grievance(), '甲厂工会', chair, events, [], now, false);
    expect(sut.timeline[0]).toMatchObject({ kind: 'submitted', at: null, on: '2026-09-30' });
    expect(sut.timeline[1].at).toBe('2026-09-30T07:03:00.000Z');
    expect(sut.reporter).toBeNull();
    expect(grievanceView(grievance(), '甲厂工会', reporter, events, [], now, false).timeline[0].at).toBe('2026-09-30T07:03:00.000Z');
  });

  it('shows a named reporter to the handler, and nobody to a reader who is neither', () => {
    const named = grievance({ anonymous: false, reporterName: '张三', contact: '13800138000' });
    expect(summaryView(named, '甲厂工会', chair, now, false).reporter).toEqual({ name: '张三', contact: '13800138000' });
    expect(summaryView(named, '甲厂工会', { reporter: false, handles: false, actsAs: null }, now, false).reporter).toBeNull();
  });

  it('gives the code holder the conversation (reply, extension reason) but not the content or any name', () => {
    const sut = trackView(grievance({ anonymous: false, reporterName: '张三', contact: '13800138000' }), events, [], now, false);
    expect(Object.keys(sut).sort()).toEqual([
      'attachments',
      'can',
      'deadlineProvisional',
      'dueAt',
      'feedback',
      'overdue',
      'reopened',
      'status',
      'timeline',
      'type',
    ]);
    expect(sut.timeline.map((e) => e.message)).toEqual([null, null, '需要调查取证', '已联系企业']);
    expect(sut.timeline[2].days).toBe(5);
    const text = JSON.stringify(sut);
    for (const secret of ['车间', '张三', '13800138000']) expect(text).not.toContain(secret);
  });

  it('lets the code holder withdraw only before an answer, and answer only an open question', () => {
    expect(trackView(grievance({ status: 'accepted' }), events, [], now, false).can).toEqual({
      answer: false,
      withdraw: true,
      feedback: false,
      attach: true,
    });
    expect(trackView(grievance({ status: 'replied', questionOpen: true }), events, [], now, false).can).toMatchObject({
      answer: true,
      withdraw: false,
    });
    expect(trackView(grievance({ status: 'withdrawn' }), events, [], now, false).can).toEqual({
      answer: false,
      withdraw: false,
      feedback: false,
      attach: false,
    });
  });

  it('marks a grievance overdue past its last limit until it is completed', () => {
    expect(summaryView(grievance(), 'x', chair, new Date('2026-10-23T16:00:00.000Z'), false).overdue).toBe(true);
    expect(
      summaryView(
        grievance({ completedAt: '2026-10-20T00:00:00.000Z', status: 'resolved' }),
        'x',
        chair,
        new Date('2026-10-24T00:00:00.000Z'),
        false,
      ).overdue,
    ).toBe(false);
  });
});

describe(statusMessageData.name, () => {
  it("holds a generic status line within WeChat's field limits, for every status", () => {
    for (const status of GRIEVANCE_STATUSES) {
      const data = statusMessageData(status, new Date('2026-10-08T02:05:00.000Z'));
      expect([...data.phrase1.value].length).toBeLessThanOrEqual(5);
      expect([...data.thing2.value].length).toBeLessThanOrEqual(20);
      expect(data.time3.value).toBe('2026年10月8日 10:05');
      expect(Object.keys(data).sort()).toEqual(['phrase1', 'thing2', 'time3']);
    }
  });
});

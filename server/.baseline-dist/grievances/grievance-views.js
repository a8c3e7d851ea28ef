"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isOverdue = isOverdue;
exports.timelineView = timelineView;
exports.summaryView = summaryView;
exports.grievanceView = grievanceView;
exports.trackView = trackView;
const shared_1 = require("@pingjia/shared");
// Every answer about a grievance is built here, so what each reader may see is decided in one place.
// No answer carries a user id or openid: the record holds none.
function isOverdue(g, now) {
    return (0, shared_1.isGrievanceOverdue)({ status: g.status, completed: g.completedAt !== null, acceptDueAt: g.acceptDueAt, dueAt: g.dueAt }, now);
}
function timelineView(events, o) {
    return events.map((e) => {
        const kind = e.kind;
        const hideTime = o.hideReporterTimes && e.actorRole === 'reporter';
        const showMessage = !o.publicOnly || kind === 'extended';
        return {
            kind,
            actorRole: e.actorRole,
            at: hideTime ? null : e.at,
            on: (0, shared_1.chinaDay)(e.at),
            message: showMessage ? e.message : null,
            days: e.days,
            verdict: o.publicOnly ? null : e.verdict,
        };
    });
}
function summaryView(g, homeName, rel, now) {
    const reporterVisible = !g.anonymous && (rel.handles || rel.reporter);
    return {
        id: g.id,
        home: { id: g.homeId, name: homeName },
        type: g.type,
        topic: g.topic,
        content: g.content,
        contentHeld: g.contentStatus === 'held',
        anonymous: g.anonymous,
        reporter: reporterVisible ? { name: g.reporterName, contact: g.contact } : null,
        status: g.status,
        handler: g.handlerOrgId ? 'upper' : 'home',
        escalated: g.escalated,
        acceptDueAt: g.acceptDueAt,
        dueAt: g.dueAt,
        overdue: isOverdue(g, now),
        extended: g.extended,
        reopened: g.reopened,
        createdOn: (0, shared_1.chinaDay)(g.createdAt),
        feedback: g.feedbackVerdict ? { verdict: g.feedbackVerdict, comment: g.feedbackComment } : null,
        canAct: rel.actsAs !== null,
        mine: rel.reporter,
    };
}
function grievanceView(g, homeName, rel, events, now) {
    return {
        ...summaryView(g, homeName, rel, now),
        timeline: timelineView(events, { hideReporterTimes: g.anonymous && !rel.reporter, publicOnly: false }),
    };
}
function trackView(g, events, now) {
    return {
        status: g.status,
        type: g.type,
        dueAt: g.dueAt,
        overdue: isOverdue(g, now),
        timeline: timelineView(events, { hideReporterTimes: false, publicOnly: true }),
    };
}
//# sourceMappingURL=grievance-views.js.map
"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ExportsService = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@pingjia/shared");
const dashboard_service_1 = require("../dashboard/dashboard.service");
const figures_source_1 = require("../dashboard/figures-source");
const org_dashboard_service_1 = require("../dashboard/org-dashboard.service");
const workbook_1 = require("./workbook");
const title = (t) => (t === null ? null : shared_1.TIER_LABELS[t]);
const yesNo = (b) => (b === null ? null : b ? '是' : '否');
// Excel reports with the same privacy rules as the dashboards: withheld figures are "—", never numbers.
let ExportsService = class ExportsService {
    orgDashboard;
    homeDashboard;
    constructor(orgDashboard, homeDashboard) {
        this.orgDashboard = orgDashboard;
        this.homeDashboard = homeDashboard;
    }
    /** The league table of an org's subtree for one cycle. */
    async org(userId, orgId, campaignId) {
        const { org, campaign, path, cid, totals: source } = await this.orgDashboard.resolve(userId, orgId, campaignId);
        const [{ totals, tiers }, homes] = await Promise.all([this.orgDashboard.summary(path, cid, source, campaign), this.orgDashboard.allHomes(path, cid, source, campaign)]);
        const wb = (0, workbook_1.newWorkbook)();
        const summary = wb.addWorksheet('汇总');
        (0, workbook_1.header)(summary, ['项目', '数值'], [28, 40]);
        const rows = [
            ['组织', org.name],
            ['评议周期', campaign?.name ?? '（暂无）'],
            ['状态', campaign ? shared_1.CAMPAIGN_STATUS_LABELS[campaign.status] : null],
            ['职工之家数', totals.homes],
            ['会员数', totals.members],
            ['参评人次', totals.ratings],
            ['参评率（%）', (0, workbook_1.percent)(totals.participationRate)],
            ['计入满意度的职工之家数（≥5人参评）', totals.reportedHomes],
            ['满意率（%）', (0, workbook_1.percent)(totals.satisfactionRate)],
            ['满意', totals.satisfied],
            ['基本满意', totals.basicallySatisfied],
            ['不满意', totals.dissatisfied],
            ...Object.entries(tiers).map(([t, n]) => [`${shared_1.TIER_LABELS[t]}（个）`, n]),
        ];
        for (const r of rows)
            (0, workbook_1.addSafeRow)(summary, r);
        const league = wb.addWorksheet('排名');
        (0, workbook_1.header)(league, ['排名', '职工之家', '会员数', '参评人数', '参评率（%）', '参评有效', '满意率（%）', '满意', '基本满意', '不满意', ...shared_1.CRITERIA.map((c) => `${c.label}（均分）`), '称号'], [8, 36]);
        homes.forEach((h, i) => {
            const shown = h.satisfactionRate !== null;
            (0, workbook_1.addSafeRow)(league, [
                shown ? i + 1 : null,
                h.name,
                h.members,
                h.ratings,
                (0, workbook_1.percent)(h.participationRate),
                yesNo(h.valid),
                (0, workbook_1.percent)(h.satisfactionRate),
                shown ? h.satisfied : null,
                shown ? h.basicallySatisfied : null,
                shown ? h.dissatisfied : null,
                ...shared_1.CRITERIA.map((c) => h.means[c.key]),
                title(h.title),
            ]);
        });
        (0, workbook_1.addSafeRow)(league, []);
        (0, workbook_1.addSafeRow)(league, ['说明：参评不足 5 人的职工之家不显示评分，也不计入汇总满意度。']);
        if (campaign && !(0, figures_source_1.isFinal)(campaign.status))
            (0, workbook_1.addSafeRow)(league, [(0, shared_1.openFiguresNote)()]);
        return (0, workbook_1.toBuffer)(wb);
    }
    /** One home's report for one cycle. */
    async home(userId, homeId, campaignId) {
        const d = await this.homeDashboard.home(userId, homeId, campaignId);
        const wb = (0, workbook_1.newWorkbook)();
        const s = wb.addWorksheet('概况');
        (0, workbook_1.header)(s, ['项目', '数值'], [28, 40]);
        const rows = [
            ['职工之家', d.home.name],
            ['评议周期', d.campaign?.name ?? '（暂无）'],
            ['状态', d.campaign ? shared_1.CAMPAIGN_STATUS_LABELS[d.campaign.status] : null],
            ['会员数', d.participation.members],
            ['参评人数', d.participation.ratings],
            ['参评率（%）', (0, workbook_1.percent)(d.participation.rate)],
            ['参评有效（≥30%）', yesNo(d.participation.valid)],
            ['满意率（%）', (0, workbook_1.percent)(d.satisfaction?.rate ?? null)],
            ['满意', d.satisfaction?.satisfied ?? null],
            ['基本满意', d.satisfaction?.basicallySatisfied ?? null],
            ['不满意', d.satisfaction?.dissatisfied ?? null],
            ['称号', title(d.title)],
        ];
        if (d.campaign && !(0, figures_source_1.isFinal)(d.campaign.status))
            rows.push(['说明', (0, shared_1.openFiguresNote)()]);
        for (const r of rows)
            (0, workbook_1.addSafeRow)(s, r);
        const c = wb.addWorksheet('五项指标');
        (0, workbook_1.header)(c, ['指标', '均分', '1分', '2分', '3分', '4分', '5分'], [16]);
        for (const k of shared_1.CRITERIA) {
            const f = d.criteria?.[k.key];
            (0, workbook_1.addSafeRow)(c, [k.label, f?.mean ?? null, ...[0, 1, 2, 3, 4].map((i) => f?.distribution?.[i] ?? null)]);
        }
        const g = wb.addWorksheet('群体');
        (0, workbook_1.header)(g, ['群体', '参评人数', '满意率（%）'], [16]);
        for (const key of shared_1.MEMBER_GROUP_KEYS) {
            const f = d.groups?.[key] ?? null;
            (0, workbook_1.addSafeRow)(g, [shared_1.MEMBER_GROUP_LABELS[key], f?.ratings ?? null, (0, workbook_1.percent)(f?.satisfactionRate ?? null)]);
        }
        const t = wb.addWorksheet('历次评议');
        (0, workbook_1.header)(t, ['评议周期', '参评人数', '参评率（%）', '满意率（%）', '称号'], [28]);
        for (const p of d.trend)
            (0, workbook_1.addSafeRow)(t, [p.campaign.name, p.ratings, (0, workbook_1.percent)(p.participationRate), (0, workbook_1.percent)(p.satisfactionRate), title(p.title)]);
        const m = wb.addWorksheet('会员留言');
        (0, workbook_1.header)(m, ['留言'], [80]);
        if (d.comments === null)
            (0, workbook_1.addSafeRow)(m, [(0, shared_1.commentsWithheldText)(d.commentsWithheld ?? 'too_few_ratings')]);
        else
            for (const x of d.comments)
                (0, workbook_1.addSafeRow)(m, [x.text]);
        return (0, workbook_1.toBuffer)(wb);
    }
};
exports.ExportsService = ExportsService;
exports.ExportsService = ExportsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [org_dashboard_service_1.OrgDashboardService,
        dashboard_service_1.DashboardService])
], ExportsService);
//# sourceMappingURL=exports.service.js.map
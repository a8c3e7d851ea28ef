import {
  CRITERIA,
  formatMean,
  formatPercent,
  HomeDashboard,
  Rectification,
  RECTIFICATION_STATE_LABELS,
  rectificationState,
  SCORE_MAX,
  TIER_LABELS,
  VERDICT_LABELS,
} from '@pingjia/shared';
import { CJK } from '../common/pdf';

const RED = '#c8161d';
const INK = '#1f1f1f';
const GREY = '#666666';
const LEFT = 56;
const WIDTH = 595.28 - 2 * LEFT;
const BOTTOM = 841.89 - 56;

const CAMPAIGN_STATUS: Record<string, string> = { closed: '已结束', published: '已公布' };

/**
 * The dossier (申报 / 验收 材料) of one home for one closed cycle. Every figure comes from the home's
 * dashboard answer as it is (DashboardService.forHome), privacy rules applied there: what the dashboard
 * withholds is printed as withheld, never computed here.
 */
export function drawDossier(doc: PDFKit.PDFDocument, d: HomeDashboard, plan: Rectification | null, generatedOn: string): void {
  const t = d.thresholds;
  doc.addPage({ size: 'A4', margin: 56 });
  doc.font(CJK);
  doc.fillColor(RED).fontSize(20).text('职工之家会员评议材料', LEFT, 56, { width: WIDTH, align: 'center' });
  doc.moveDown(0.3).fillColor(INK).fontSize(15).text(d.home.name, { width: WIDTH, align: 'center' });
  doc
    .moveDown(0.3)
    .fillColor(GREY)
    .fontSize(10)
    .text(`评议：${d.campaign!.name}（${CAMPAIGN_STATUS[d.campaign!.status] ?? d.campaign!.status}）  生成日期：${generatedOn}`, {
      width: WIDTH,
      align: 'center',
    });

  heading(doc, '一、参与情况');
  const p = d.participation;
  line(doc, `评价人数：${p.ratings} 人；会员人数：${p.members} 人；参与率：${formatPercent(p.rate)}`);
  line(
    doc,
    p.valid ? `本轮评议有效（参与率达到 ${t.validParticipationBp / 100}%）` : `本轮评议无效：参与率未达到 ${t.validParticipationBp / 100}%`,
  );

  const withheldText = `评价不足 ${t.minSlice} 人，依照隐私规则不公布`;
  heading(doc, '二、满意度');
  if (d.satisfaction) {
    const s = d.satisfaction;
    line(doc, `满意率：${formatPercent(s.rate)}`);
    line(
      doc,
      `${VERDICT_LABELS.satisfied} ${s.satisfied} 人；${VERDICT_LABELS.basically_satisfied} ${s.basicallySatisfied} 人；${VERDICT_LABELS.dissatisfied} ${s.dissatisfied} 人`,
    );
  } else line(doc, withheldText);

  heading(doc, '三、称号');
  line(doc, d.title ? `本轮评定：${TIER_LABELS[d.title]}` : withheldText);

  heading(doc, '四、各项得分（满分 5 分）');
  if (d.criteria) {
    const criteria = d.criteria;
    barChart(
      doc,
      CRITERIA.map((c) => ({ label: c.label, value: criteria[c.key].mean, text: formatMean(criteria[c.key].mean) })),
      SCORE_MAX,
    );
  } else line(doc, withheldText);

  heading(doc, '五、历次评议');
  if (d.trend.length) {
    barChart(
      doc,
      d.trend.map((pt) => ({
        label: pt.campaign.name,
        value: pt.satisfactionRate,
        text: `满意率 ${formatPercent(pt.satisfactionRate)}  参与 ${pt.ratings} 人（${formatPercent(pt.participationRate)}）  ${pt.title ? TIER_LABELS[pt.title] : '—'}`,
      })),
      1,
      80,
    );
  } else line(doc, '暂无');

  heading(doc, '六、维权诉求办理');
  const g = d.grievances;
  if (g && g.total) {
    line(doc, `诉求总数：${g.total} 件；办理中：${g.open} 件；逾期：${g.overdue} 件；上报上级：${g.escalated} 件`);
    line(doc, `按时办结率：${formatPercent(g.onTimeRate)}（${g.onTime} / ${g.decided}）`);
    line(doc, `办理满意率：${formatPercent(g.satisfactionRate)}（满意 ${g.feedback.satisfied} 件，不满意 ${g.feedback.dissatisfied} 件）`);
  } else line(doc, '本职工之家暂无维权诉求');

  heading(doc, '七、整改');
  if (plan) {
    line(
      doc,
      `状态：${RECTIFICATION_STATE_LABELS[rectificationState({ status: plan.status, updates: plan.updates.length }, false)]}；方案提交：${plan.planOn}${plan.signedOffOn ? `；上级验收：${plan.signedOffOn}` : ''}`,
    );
    if (plan.sentBack) line(doc, `上级退回（${plan.sentBack.on}）：${plan.sentBack.reason}`);
    line(doc, `整改方案：${plan.plan}`);
    if (plan.updates.length) plan.updates.forEach((u, i) => line(doc, `进展 ${i + 1}（${u.day}）：${u.text}`));
    else line(doc, '尚无整改进展');
  } else line(doc, '尚未提交整改方案');

  doc
    .moveDown(1.5)
    .fillColor(GREY)
    .fontSize(9)
    .text(`说明：数字与职工之家看板一致。评价不记名，材料不含任何评价人信息；评价不足 ${t.minSlice} 人的项目不公布。`, LEFT, doc.y, {
      width: WIDTH,
    });
}

function room(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > BOTTOM) doc.addPage({ size: 'A4', margin: 56 }).font(CJK);
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  room(doc, 60);
  doc.moveDown(0.9).fillColor(RED).fontSize(13).text(text, LEFT, doc.y, { width: WIDTH });
  doc.moveDown(0.3);
}

function line(doc: PDFKit.PDFDocument, text: string): void {
  doc
    .fillColor(INK)
    .fontSize(11)
    .text(text, LEFT + 12, doc.y, { width: WIDTH - 12, lineGap: 2 });
}

/** Horizontal bars, one row each: label, a bar scaled to `max`, the printed figure. A null value has no bar. */
function barChart(
  doc: PDFKit.PDFDocument,
  rows: Array<{ label: string; value: number | null; text: string }>,
  max: number,
  barWidth = 170,
): void {
  const labelWidth = 110;
  const rowHeight = 22;
  for (const r of rows) {
    room(doc, rowHeight);
    const y = doc.y;
    doc
      .fillColor(INK)
      .fontSize(10)
      .text(r.label, LEFT + 12, y + 3, { width: labelWidth - 8, height: rowHeight - 4, ellipsis: true, lineBreak: false });
    doc.rect(LEFT + 12 + labelWidth, y + 3, barWidth, 12).fill('#f0f0f0');
    if (r.value !== null) doc.rect(LEFT + 12 + labelWidth, y + 3, (barWidth * Math.max(0, Math.min(r.value, max))) / max, 12).fill(RED);
    doc
      .fillColor(INK)
      .fontSize(10)
      .text(r.text, LEFT + 20 + labelWidth + barWidth, y + 3, { width: WIDTH - labelWidth - barWidth - 20, lineBreak: false });
    doc.x = LEFT;
    doc.y = y + rowHeight;
  }
}

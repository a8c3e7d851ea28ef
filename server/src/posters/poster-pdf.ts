import { qrcode } from '../common/on-demand';
import { CJK } from '../common/pdf';

const RED = '#c8161d';
const A4_WIDTH = 595.28;
const CODE_SIZE = 300;

/** What a poster page carries as its code: WeChat's mini-program code (a PNG) or the H5 page's address. */
export type PosterCode = { source: 'wxacode'; png: Buffer } | { source: 'h5'; url: string };

export const POSTER_TEXT = {
  title: '会员评家',
  callToAction: (source: PosterCode['source']) => (source === 'wxacode' ? '微信扫一扫，为我们的职工之家打分' : '扫码为我们的职工之家打分'),
  steps: [
    '1. 用微信扫描上方二维码，进入本职工之家的评议页',
    '2. 为五项标准打分，选择满意、基本满意或不满意',
    '3. 每轮评议每人一次，评议结束前可以修改',
  ],
  privacy: '隐私承诺：评价不记名，工会主席和任何人都看不到谁评了什么、谁参加了评议；评议结束后才公布结果，人数太少的分组不公布。',
  footer: '评价匿名 · 结果向会员公开',
};

/**
 * One A4 poster page: header, the home's name, the code, three steps and the privacy promise. The H5
 * code is drawn as vector squares (sharp at any print size, a few kilobytes). Without a CJK font the
 * page carries the code alone, as the PNG poster does.
 */
export function drawPosterPage(doc: PDFKit.PDFDocument, homeName: string, code: PosterCode, hasFont: boolean): void {
  doc.addPage({ size: 'A4', margin: 0 }); // every position is absolute: no margin to break a page at
  const x = (A4_WIDTH - CODE_SIZE) / 2;
  const top = 250;
  doc.rect(0, 0, A4_WIDTH, 120).fill(RED);
  if (code.source === 'wxacode') doc.image(code.png, x, top, { width: CODE_SIZE, height: CODE_SIZE });
  else drawQr(doc, code.url, x, top, CODE_SIZE);
  if (!hasFont) return;
  doc.font(CJK);
  doc.fillColor('#ffffff').fontSize(40).text(POSTER_TEXT.title, 0, 36, { width: A4_WIDTH, align: 'center' });
  doc
    .fillColor('#1f1f1f')
    .fontSize(26)
    .text(homeName, 60, 150, { width: A4_WIDTH - 120, align: 'center', height: 80, ellipsis: true });
  doc
    .fillColor(RED)
    .fontSize(22)
    .text(POSTER_TEXT.callToAction(code.source), 0, top + CODE_SIZE + 24, { width: A4_WIDTH, align: 'center' });
  doc.fillColor('#333333').fontSize(14);
  let y = top + CODE_SIZE + 74;
  for (const step of POSTER_TEXT.steps) {
    doc.text(step, 110, y, { width: A4_WIDTH - 220 });
    y += 24;
  }
  doc
    .roundedRect(72, y + 16, A4_WIDTH - 144, 64, 6)
    .lineWidth(1)
    .stroke('#c8161d');
  doc
    .fillColor('#1f1f1f')
    .fontSize(12)
    .text(POSTER_TEXT.privacy, 88, y + 28, { width: A4_WIDTH - 176, lineGap: 3 });
  doc.fillColor('#666666').fontSize(12).text(POSTER_TEXT.footer, 0, 790, { width: A4_WIDTH, align: 'center' });
}

/** A QR code of `url` as filled squares, one rectangle per run of dark modules in a row. */
function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number): void {
  const { modules } = qrcode().create(url, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  for (let r = 0; r < modules.size; r++) {
    let c = 0;
    while (c < modules.size) {
      if (!modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < modules.size && modules.get(r, c)) c++;
      doc.rect(x + (start + quiet) * cell, y + (r + quiet) * cell, (c - start) * cell, cell);
    }
  }
  doc.fill('#000000');
}

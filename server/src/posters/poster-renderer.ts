import { Logger } from '@nestjs/common';
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { CjkFont } from '../common/cjk-font';
import { canvas as canvasLibrary } from '../common/on-demand';

const FAMILY = 'PingjiaPosterCJK';
const W = 900;
const H = 1300;
const RED = '#c8161d';

export interface PosterText {
  title: string;
  homeName: string;
  callToAction: string;
  footer: string;
}

// Draws the printable poster: a header, the home's name, the code, one call to action. Without a CJK
// font the text would come out as empty boxes, so it is left out and the code is drawn alone.
export class PosterRenderer {
  private readonly logger = new Logger('Poster');
  readonly hasFont: boolean;

  constructor(font: CjkFont | null) {
    const { GlobalFonts } = canvasLibrary();
    this.hasFont = !!font && GlobalFonts.registerFromPath(font.path, FAMILY) !== null;
    if (!this.hasFont)
      this.logger.warn('no CJK font found (install fonts-wqy-microhei or set POSTER_FONT): posters carry the code without text');
  }

  async render(code: Buffer, text: PosterText): Promise<Buffer> {
    const { createCanvas, loadImage } = canvasLibrary();
    const canvas = createCanvas(W, H);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, W, H);
    ctx.fillStyle = RED;
    ctx.fillRect(0, 0, W, 200);
    const image = await loadImage(code);
    const size = 600;
    ctx.drawImage(image, (W - size) / 2, 420, size, size);
    if (this.hasFont) {
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillStyle = '#ffffff';
      ctx.font = `bold 72px ${FAMILY}`;
      ctx.fillText(text.title, W / 2, 100);
      ctx.fillStyle = '#1f1f1f';
      ctx.font = `bold 48px ${FAMILY}`;
      this.wrap(ctx, text.homeName, W - 120, 2).forEach((line, i, all) => ctx.fillText(line, W / 2, 310 - (all.length - 1) * 32 + i * 64));
      ctx.fillStyle = RED;
      ctx.font = `bold 44px ${FAMILY}`;
      ctx.fillText(text.callToAction, W / 2, 1100);
      ctx.fillStyle = '#666666';
      ctx.font = `30px ${FAMILY}`;
      ctx.fillText(text.footer, W / 2, 1200);
    }
    return canvas.encode('png');
  }

  /** Lines of at most `width` pixels, at most `max` lines (the last one shortened with …). */
  private wrap(ctx: SKRSContext2D, text: string, width: number, max: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const ch of [...text]) {
      if (ctx.measureText(line + ch).width > width && line) {
        lines.push(line);
        line = ch;
      } else line += ch;
    }
    if (line) lines.push(line);
    if (lines.length <= max) return lines;
    const kept = lines.slice(0, max);
    let last = kept[max - 1];
    while (last && ctx.measureText(`${last}…`).width > width) last = [...last].slice(0, -1).join('');
    kept[max - 1] = `${last}…`;
    return kept;
  }
}

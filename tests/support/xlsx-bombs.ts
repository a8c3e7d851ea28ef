import { constants, deflateRawSync } from 'node:zlib';

// Spreadsheet bombs: valid .xlsx files (a zip of XML parts) whose one worksheet inflates about a
// thousand times, the most deflate gives. The sheet is deflated in independent pieces (each one ends
// on a sync flush, so pieces can be repeated end to end as one stream) to build a 2 GB sheet without
// compressing 2 GB here. The CRC fields are left 0: neither exceljs nor the server checks them.

interface Part {
  name: string;
  data: Buffer;
  size: number;
  method: 0 | 8;
}

function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(p.method, 10);
    dir.writeUInt32LE(0, 16);
    dir.writeUInt32LE(p.data.length, 20);
    dir.writeUInt32LE(p.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    central.push(dir, name);
    offset += local.length + name.length + p.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const xmlPart = (name: string, xml: string): Part => {
  const data = Buffer.from(xml, 'utf8');
  return { name, data: deflateRawSync(data), size: data.length, method: 8 };
};

const SHELL = [
  xmlPart(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  ),
  xmlPart(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  ),
  xmlPart(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ),
  xmlPart(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ),
];

const flushed = (xml: string) => deflateRawSync(Buffer.from(xml, 'utf8'), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });

export interface Bomb {
  file: Buffer;
  /** the worksheet's inflated size */
  inflatedBytes: number;
}

/**
 * A roster-shaped workbook (header 姓名 / 会员编号 / 手机号, then the same member over and over) of about
 * `fileBytes`, its sheet inflating ~1000 times. `declaredSize` false writes a made-up small size into the
 * zip's headers, as a bomb would to get past a check of the declared sizes.
 */
export function xlsxBomb(fileBytes: number, opts: { declaredSize?: boolean; oneLongCell?: boolean } = {}): Bomb {
  const head =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>姓名</t></is></c><c t="inlineStr"><is><t>会员编号</t></is></c><c t="inlineStr"><is><t>手机号</t></is></c></row>';
  const row = '<row><c t="inlineStr"><is><t>张三</t></is></c><c t="inlineStr"><is><t>A001</t></is></c><c><v>13800138000</v></c></row>';
  // oneLongCell: one member whose name never ends (the most deflate gives, ~1000 times).
  const tail = opts.oneLongCell ? '</t></is></c></row></sheetData></worksheet>' : '</sheetData></worksheet>';
  const start = opts.oneLongCell ? `${head}<row><c t="inlineStr"><is><t>` : head;
  // One piece: 1 MiB of rows (or of one letter), deflated on its own.
  const chunkXml = opts.oneLongCell ? 'A'.repeat(1 << 20) : row.repeat(Math.floor((1 << 20) / Buffer.byteLength(row)));
  const piece = flushed(chunkXml);
  const count = Math.max(1, Math.round(fileBytes / piece.length));
  const data = Buffer.concat([flushed(start), ...Array.from({ length: count }, () => piece), deflateRawSync(Buffer.from(tail))]);
  const inflatedBytes = Buffer.byteLength(start) + count * Buffer.byteLength(chunkXml) + tail.length;
  const sheet: Part = {
    name: 'xl/worksheets/sheet1.xml',
    data,
    size: opts.declaredSize === false ? 4096 : Math.min(inflatedBytes, 0xffffffff),
    method: 8,
  };
  return { file: zip([...SHELL, sheet]), inflatedBytes };
}

/** A workbook with `sheets` tiny worksheets. */
export function manySheets(sheets: number): Buffer {
  const sheet = (i: number) =>
    xmlPart(
      `xl/worksheets/sheet${i + 1}.xml`,
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
    );
  return zip([...SHELL, ...Array.from({ length: sheets }, (_, i) => sheet(i))]);
}

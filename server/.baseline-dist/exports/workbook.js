"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.percent = exports.WITHHELD = exports.excel = void 0;
exports.addSafeRow = addSafeRow;
exports.newWorkbook = newWorkbook;
exports.header = header;
exports.toBuffer = toBuffer;
const shared_1 = require("@pingjia/shared");
// exceljs (with its zip, stream and promise libraries) serves exports and roster uploads only: it is
// loaded on first use rather than at start, which keeps start-up time and idle memory down.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excel = () => require('exceljs');
exports.excel = excel;
exports.WITHHELD = '—';
/** A row whose text cannot turn into a formula; withheld (null) figures print as "—". */
function addSafeRow(sheet, values) {
    return sheet.addRow(values.map((v) => (v === null || v === undefined ? exports.WITHHELD : (0, shared_1.neutralizeCell)(v))));
}
function newWorkbook() {
    const wb = new ((0, exports.excel)().Workbook)();
    wb.creator = '评家';
    wb.created = new Date(0);
    return wb;
}
function header(sheet, titles, widths = []) {
    const row = addSafeRow(sheet, titles);
    row.font = { bold: true };
    titles.forEach((_, i) => (sheet.getColumn(i + 1).width = widths[i] ?? 14));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
}
const percent = (rate) => (rate === null ? null : Math.round(rate * 10000) / 100);
exports.percent = percent;
async function toBuffer(wb) {
    return Buffer.from(await wb.xlsx.writeBuffer());
}
//# sourceMappingURL=workbook.js.map
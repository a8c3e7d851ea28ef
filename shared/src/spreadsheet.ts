// Text that a spreadsheet could take for a formula (=, +, -, @, or a leading tab or carriage return;
// also their full-width forms, which some CJK spreadsheet programs treat the same) gets a leading
// apostrophe, so a home named "=HYPERLINK(…)" stays inert text in an export.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

export function isFormulaLike(value: string): boolean {
  return FORMULA_START.test(value);
}

export function neutralizeCell<T>(value: T): T | string {
  return typeof value === 'string' && isFormulaLike(value) ? `'${value}` : value;
}

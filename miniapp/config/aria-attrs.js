// WeChat's accessibility attributes, added to Taro's weapp component tables. Used twice and it must be
// the same list both times: at build time to write them into base.wxml (a11y-plugin.js) and at run time
// (src/platform/aria.weapp.ts), because Taro numbers each component's attributes (p0, p1, …) from this
// table on both sides — a mismatch would shift every attribute, hover-class included.
var ARIA = {
  'aria-role': '',
  'aria-label': '',
  'aria-checked': '',
  'aria-disabled': '',
  'aria-selected': '',
  'aria-hidden': '',
  'aria-live': '',
};

module.exports = { View: ARIA, Text: ARIA, Button: ARIA, Input: ARIA, Textarea: ARIA };

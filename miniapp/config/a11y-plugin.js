// Taro's weapp templates (base.wxml) carry only the attributes listed per component, and none of
// WeChat's aria-* ones: without this patch every aria-label set in JSX is silently dropped on weapp.
const ARIA = {
  'aria-role': '',
  'aria-label': '',
  'aria-checked': '',
  'aria-disabled': '',
  'aria-selected': '',
  'aria-hidden': '',
  'aria-live': '',
}

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (process.env.TARO_ENV !== 'weapp' || !platform.template) return
      platform.template.mergeComponents(ctx, { View: ARIA, Text: ARIA, Button: ARIA, Input: ARIA, Textarea: ARIA })
    },
  })
}

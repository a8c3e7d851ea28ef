// Taro's weapp templates (base.wxml) carry only the attributes listed per component, and none of
// WeChat's aria-* ones: without this patch every aria-label set in JSX is silently dropped on weapp.
// The runtime half is src/platform/aria.weapp.ts.
const ariaComponents = require('./aria-attrs.js');

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (process.env.TARO_ENV !== 'weapp' || !platform.template) return;
      platform.template.mergeComponents(ctx, ariaComponents);
    },
  });
};

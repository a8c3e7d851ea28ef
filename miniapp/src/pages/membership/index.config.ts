export default definePageConfig({
  navigationBarTitleText: '会员身份验证',
});

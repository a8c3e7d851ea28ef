export default definePageConfig({
  navigationBarTitleText: '维权诉求处理',
});

export default definePageConfig({
  navigationBarTitleText: '诉求已提交',
});

export default definePageConfig({
  navigationBarTitleText: '查询诉求进度',
});

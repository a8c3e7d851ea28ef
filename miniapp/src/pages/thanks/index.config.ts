export default definePageConfig({
  navigationBarTitleText: '评议完成',
});

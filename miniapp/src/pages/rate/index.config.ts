export default definePageConfig({
  navigationBarTitleText: '评议职工之家',
});

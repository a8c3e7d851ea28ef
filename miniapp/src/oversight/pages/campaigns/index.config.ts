export default definePageConfig({ navigationBarTitleText: '评议周期' });

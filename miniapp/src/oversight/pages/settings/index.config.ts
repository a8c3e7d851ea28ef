export default definePageConfig({ navigationBarTitleText: '省级设置' });

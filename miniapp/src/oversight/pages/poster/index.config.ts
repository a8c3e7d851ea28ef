export default definePageConfig({ navigationBarTitleText: '评议海报' });

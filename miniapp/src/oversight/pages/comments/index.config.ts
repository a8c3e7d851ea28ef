export default definePageConfig({ navigationBarTitleText: '会员留言' });

export default definePageConfig({ navigationBarTitleText: '组织与职工之家' });

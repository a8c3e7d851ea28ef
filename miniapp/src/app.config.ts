export default defineAppConfig({
  pages: ['pages/home/index', 'pages/rate/index', 'pages/thanks/index', 'pages/dashboard/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '评家',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
})

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/rate/index',
    'pages/thanks/index',
    'pages/dashboard/index',
    'pages/membership/index',
    'pages/mine/index',
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '评家',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
  // weapp: privacy APIs (requirePrivacyAuthorize before the first rating) follow the declared guide.
  __usePrivacyCheck__: true,
})

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/rate/index',
    'pages/thanks/index',
    'pages/dashboard/index',
    'pages/membership/index',
    'pages/mine/index',
  ],
  // Chair and federation pages (issue #5), charts included: a subpackage, so the main package stays small.
  subPackages: [
    {
      root: 'oversight',
      pages: [
        'pages/staff/index',
        'pages/accept/index',
        'pages/chair/index',
        'pages/comments/index',
        'pages/poster/index',
        'pages/rectification/index',
        'pages/federation/index',
        'pages/league/index',
        'pages/campaigns/index',
        'pages/manage/index',
        'pages/held/index',
        'pages/audit/index',
        'pages/rectifications/index',
        'pages/import/index',
        'pages/settings/index',
        'pages/roster/index',
        'pages/account/index',
        'pages/reset/index',
      ],
    },
    // Grievances (维权诉求). The detail page is pages/grievance/index: the server's subscribe messages open it.
    {
      root: 'pages/grievance',
      pages: ['index', 'new/index', 'done/index', 'mine/index', 'track/index', 'queue/index'],
    },
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
});

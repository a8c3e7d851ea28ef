// Project-wide (not .babelrc) so it also applies to ../shared/src, which lies outside this package.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};

/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.less';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** Origin of the API for weapp builds (build-time constant); H5 uses the page's own origin. */
    TARO_APP_API_BASE?: string;
    TARO_APP_ID?: string;
  }
}

declare module '*/config/aria-attrs.js' {
  const components: Record<string, Record<string, string>>;
  export default components;
}

import { join } from 'node:path';
import { ROOT } from '../support/server';

/** The weapp build under test: WEAPP_DIST (e.g. a deliberately broken copy) or miniapp/dist/weapp. */
export const weappDist = () => process.env.WEAPP_DIST || join(ROOT, 'miniapp/dist/weapp');

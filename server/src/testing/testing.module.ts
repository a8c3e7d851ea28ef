import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { Clock } from '../common/clock';
import { Locks } from '../common/shared-state';
import type { AppConfig } from '../config/app-config';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { DashboardModule } from '../dashboard/dashboard.module';
import { OrgsModule } from '../orgs/orgs.module';
import { CampaignTransitionObserver } from '../campaigns/campaign-transitions';
import { GrievancesModule } from '../grievances/grievances.module';
import { SweepObserver } from '../grievances/grievance-sweeper';
import { MovableClock } from './movable-clock';
import { OpenLocks } from './open-locks';
import { SweepRecorder } from './sweep-recorder';
import { TestHooksController } from './test-hooks.controller';
import { TransitionRecorder } from './transition-recorder';

// Every test hook in one place, loaded by app.module.ts only with NODE_ENV=test (the config refuses the
// test variables under any other NODE_ENV). The production Clock, Locks and GrievanceSweeper know
// nothing of them: the hooks replace those providers (commonOverrides) or listen (SweepObserver).
@Global()
@Module({})
export class TestingModule {
  /** Providers that take the place of CommonModule's own. */
  static commonOverrides(config: AppConfig): Provider[] {
    return [
      ...(config.testClock ? [{ provide: Clock, useClass: MovableClock }] : []),
      ...(config.testDisableLocks ? [{ provide: Locks, useClass: OpenLocks }] : []),
    ];
  }

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: TestingModule,
      imports: [GrievancesModule, CampaignsModule, DashboardModule, OrgsModule],
      // TEST_CLOCK: the routes under /api/__test (move the clock, run the sweeper and the campaign schedule, list what they did).
      controllers: config.testClock ? [TestHooksController] : [],
      providers: [
        SweepRecorder,
        { provide: SweepObserver, useExisting: SweepRecorder },
        TransitionRecorder,
        { provide: CampaignTransitionObserver, useExisting: TransitionRecorder },
      ],
      exports: [SweepObserver, CampaignTransitionObserver],
    };
  }
}

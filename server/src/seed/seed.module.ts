import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { DemoSeed } from './demo-seed';

// Demo data for a first run (SEED_DEMO), run by main.ts before the server listens.
@Module({ imports: [CampaignsModule], providers: [DemoSeed], exports: [DemoSeed] })
export class SeedModule {}

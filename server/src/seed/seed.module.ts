import { Module } from '@nestjs/common';
import { DemoSeed } from './demo-seed';

// Demo data for a first run (SEED_DEMO), run by main.ts before the server listens.
@Module({ providers: [DemoSeed], exports: [DemoSeed] })
export class SeedModule {}

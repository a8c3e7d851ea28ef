import { Module } from '@nestjs/common';
import { GrievancesModule } from '../grievances/grievances.module';
import { TestHooksController } from './test-hooks.controller';

// Hooks for the test suites only (move the server clock, run the sweeper on demand).
@Module({
  imports: [GrievancesModule],
  controllers: [TestHooksController],
})
export class TestingModule {}

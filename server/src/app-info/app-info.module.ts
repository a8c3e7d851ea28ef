import { Module } from '@nestjs/common';
import { AppInfoController } from './app-info.controller';

// What the clients need to know about this server (public settings).
@Module({ controllers: [AppInfoController] })
export class AppInfoModule {}

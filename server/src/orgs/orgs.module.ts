import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessPolicy } from './access-policy';
import { Home } from './home.entity';
import { Org } from './org.entity';
import { OrgsController } from './orgs.controller';
import { OrgsService } from './orgs.service';
import { TreeChanges } from './tree-changes';

// The org tree (federations down to homes) and the access policy over it: who may act where.
@Module({
  imports: [TypeOrmModule.forFeature([Org, Home])],
  controllers: [OrgsController],
  providers: [OrgsService, AccessPolicy, TreeChanges],
  exports: [TypeOrmModule, AccessPolicy, TreeChanges],
})
export class OrgsModule {}

import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SceneLookup } from '@pingjia/shared';
import { Public } from '../common/auth.decorators';
import { SceneService } from './scene.service';

@ApiTags('orgs')
@Controller()
export class SceneController {
  constructor(private readonly scenes: SceneService) {}

  @Public()
  @Get('homes/scene/:scene')
  byScene(@Param('scene') scene: string): Promise<SceneLookup> {
    return this.scenes.byScene(scene);
  }
}

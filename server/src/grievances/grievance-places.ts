import { Controller, Get, Inject, Injectable, Ip, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  grievanceLimits,
  grievancePlaceProblem,
  normalizeText,
  type GrievanceLimits,
  type GrievancePlaceHome,
  type GrievancePlaceOrg,
  type OrgLevel,
} from '@pingjia/shared';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth.decorators';
import { invalid, notFound } from '../common/domain-error';
import { subtreeRange } from '../common/paging';
import { RateLimitGuard } from '../common/rate-limit.guard';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ProvinceSettingsStore } from '../settings/province-settings.store';
import { Optional } from '../common/validation';

// Where to file without the poster: a worker walks the federation tree (province → city → county …)
// and finds a home by name within a region. Public (a worker need not be signed in to look) and
// rate-limited per address; answers active orgs' and homes' names only — no member counts, ratings, titles or grievances.

const MAX_HOMES = 30;

export class PlaceOrgsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: '上级工会；不填为最上一级' })
  @Optional()
  @IsUUID()
  parentId?: string;
}

export class PlaceHomesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: '在这一级工会（含下级）范围内查找' })
  @Optional()
  @IsUUID()
  orgId?: string;

  @ApiPropertyOptional({ maxLength: 50, description: '职工之家名称中的字' })
  @Optional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

export class PlaceLimitsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: '职工之家（与 orgId 二选一）' })
  @Optional()
  @IsUUID()
  homeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '直接向这一级工会反映（与 homeId 二选一）' })
  @Optional()
  @IsUUID()
  orgId?: string;
}

/** LIKE with `!` as the escape character (the same on SQLite and MySQL): the search text matches literally. */
const likeText = (text: string) => `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;

@Injectable()
export class GrievancePlacesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: ProvinceSettingsStore,
  ) {}

  /** The limits a grievance filed to this home or federation gets: its province's settings today. */
  async limits(query: PlaceLimitsQuery): Promise<GrievanceLimits> {
    const placeProblem = grievancePlaceProblem(query);
    if (placeProblem) throw invalid({ homeId: placeProblem });
    const [place] = (await this.db.query(
      query.homeId ? 'SELECT org_path AS path FROM homes WHERE id = ?' : 'SELECT path FROM orgs WHERE id = ?',
      [query.homeId ?? query.orgId],
    )) as { path: string }[];
    if (!place) throw notFound();
    return grievanceLimits((await this.settings.forOrgPath(place.path)).grievances);
  }

  async orgs(parentId: string | undefined): Promise<GrievancePlaceOrg[]> {
    const rows = (await this.db.query(
      `SELECT id, name, level FROM orgs WHERE ${parentId ? 'parent_id = ?' : 'parent_id IS NULL'} AND deactivated_at IS NULL ORDER BY name, id LIMIT 500`,
      parentId ? [parentId] : [],
    )) as { id: string; name: string; level: OrgLevel }[];
    if (parentId && !rows.length && !(await this.db.query('SELECT id FROM orgs WHERE id = ?', [parentId])).length) throw notFound();
    return rows.map((r) => ({ id: r.id, name: r.name, level: r.level }));
  }

  /** Homes in the region (and below) whose name holds the text; a region or at least two characters is needed. */
  async homes(orgId: string | undefined, q: string | undefined): Promise<GrievancePlaceHome[]> {
    const text = normalizeText(q ?? '');
    if (!orgId && [...text].length < 2) throw invalid({ q: '请先选择地区，或输入至少两个字' });
    // Deactivated homes take no new grievances and are not offered.
    const where: string[] = ['h.deactivated_at IS NULL'];
    const params: unknown[] = [];
    if (orgId) {
      const [org] = (await this.db.query('SELECT path FROM orgs WHERE id = ?', [orgId])) as { path: string }[];
      if (!org) throw notFound();
      const { from, to } = subtreeRange(org.path);
      where.push('h.org_path >= ? AND h.org_path < ?');
      params.push(from, to);
    }
    if (text) {
      where.push(`h.name LIKE ? ESCAPE '!'`);
      params.push(likeText(text));
    }
    const rows = (await this.db.query(
      `SELECT h.id, h.name, o.name AS org_name FROM homes h JOIN orgs o ON o.id = h.org_id
       WHERE ${where.join(' AND ')} ORDER BY h.name, h.id LIMIT ${MAX_HOMES}`,
      params,
    )) as { id: string; name: string; org_name: string }[];
    return rows.map((r) => ({ id: r.id, name: r.name, orgName: r.org_name }));
  }
}

@ApiTags('grievances')
@Controller('grievance-places')
export class GrievancePlacesController {
  constructor(
    private readonly places: GrievancePlacesService,
    private readonly rateLimit: RateLimitGuard,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('orgs')
  async orgs(@Query() query: PlaceOrgsQuery, @Ip() ip: string): Promise<GrievancePlaceOrg[]> {
    await this.rateLimit.hit(`places:ip:${ip}`, this.config.grievances.placesPerIp, 60_000);
    return this.places.orgs(query.parentId);
  }

  @Public()
  @Get('limits')
  async limits(@Query() query: PlaceLimitsQuery, @Ip() ip: string): Promise<GrievanceLimits> {
    await this.rateLimit.hit(`places:ip:${ip}`, this.config.grievances.placesPerIp, 60_000);
    return this.places.limits(query);
  }

  @Public()
  @Get('homes')
  async homes(@Query() query: PlaceHomesQuery, @Ip() ip: string): Promise<GrievancePlaceHome[]> {
    await this.rateLimit.hit(`places:ip:${ip}`, this.config.grievances.placesPerIp, 60_000);
    return this.places.homes(query.orgId, query.q);
  }
}

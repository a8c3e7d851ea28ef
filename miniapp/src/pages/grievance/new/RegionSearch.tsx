import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { ORG_LEVEL_LABELS, normalizeText, type GrievancePlaceHome, type GrievancePlaceOrg } from '@pingjia/shared';
import StatusView from '../../../components/StatusView';
import type { KnownHome } from '../../../services/grievanceDrafts';
import { placeHomes, placeOrgs } from '../../../services/grievanceThread';
import { errorMessage } from '../../../services/request';
import { a11y, fieldA11y } from '../../../utils/a11y';
import ActionButton from '../../../components/Form/ActionButton';

type Load<T> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: T };

/**
 * Where to file without the poster: walk the federation tree region by region, find the home by
 * name, or — for a workplace without a home — file straight to the union of the region chosen.
 */
export default function RegionSearch({ onChoose }: { onChoose: (place: KnownHome) => void }) {
  const [path, setPath] = useState<GrievancePlaceOrg[]>([]);
  const [orgs, setOrgs] = useState<Load<GrievancePlaceOrg[]>>({ kind: 'loading' });
  const [query, setQuery] = useState('');
  const [queryError, setQueryError] = useState<string | null>(null);
  const [homes, setHomes] = useState<Load<GrievancePlaceHome[]> | null>(null);
  const region = path.at(-1);

  useEffect(() => {
    let live = true;
    setOrgs({ kind: 'loading' });
    placeOrgs(region?.id).then(
      (data) => live && setOrgs({ kind: 'ready', data }),
      (e) => live && setOrgs({ kind: 'error', message: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [region?.id]);

  const enter = (org: GrievancePlaceOrg) => {
    setPath([...path, org]);
    setHomes(null);
  };
  const back = (depth: number) => {
    setPath(path.slice(0, depth));
    setHomes(null);
  };
  const search = async () => {
    const text = normalizeText(query);
    if (!region && [...text].length < 2) return setQueryError('请先选择地区，或输入至少两个字');
    setQueryError(null);
    setHomes({ kind: 'loading' });
    try {
      setHomes({ kind: 'ready', data: await placeHomes(region?.id, text) });
    } catch (e) {
      setHomes({ kind: 'error', message: errorMessage(e) });
    }
  };

  return (
    <View className="card" id="region-search" {...a11y({ role: 'region', label: '按地区查找职工之家' })}>
      <Text className="title">按地区查找</Text>
      <Text className="note">没有海报二维码时，可以逐级选择所在地区，再按名称查找本单位的职工之家。</Text>
      <View className="region__path" id="region-path">
        <ActionButton className="btn btn--secondary region__crumb" id="region-top" label="全部地区" onClick={() => back(0)} />
        {path.map((o, i) => (
          <Button
            key={o.id}
            className="btn btn--secondary region__crumb"
            id={`region-crumb-${i}`}
            {...a11y({ role: 'button', label: o.name })}
            onClick={() => back(i + 1)}
          >
            › {o.name}
          </Button>
        ))}
      </View>

      {orgs.kind === 'loading' && <StatusView kind="loading" id="region-orgs-state" text="正在加载地区…" />}
      {orgs.kind === 'error' && <StatusView kind="error" id="region-orgs-state" text={orgs.message} onRetry={() => back(path.length)} />}
      {orgs.kind === 'ready' && orgs.data.length > 0 && (
        <View className="region__list" id="region-orgs" {...a11y({ role: 'group', label: region ? `${region.name}的下级工会` : '地区' })}>
          {orgs.data.map((o, i) => (
            <Button
              key={o.id}
              className="btn btn--secondary gk__wide"
              id={`region-org-${i}`}
              {...a11y({ role: 'button', label: `${o.name}（${ORG_LEVEL_LABELS[o.level]}）` })}
              onClick={() => enter(o)}
            >
              {o.name}
            </Button>
          ))}
        </View>
      )}

      <Text className="field-label" id="region-query-label">
        职工之家名称
      </Text>
      <Input
        id="region-query"
        className="text-input"
        {...fieldA11y('职工之家名称')}
        placeholder={region ? `在${region.name}范围内查找` : '输入名称中的至少两个字'}
        maxlength={50}
        value={query}
        onInput={(e) => setQuery(e.detail.value)}
        onConfirm={search}
      />
      {queryError && (
        <Text className="field-error" id="region-query-error">
          {queryError}
        </Text>
      )}
      <ActionButton className="btn btn--primary gk__wide" id="region-search-submit" label="查找" onClick={search} />

      {homes?.kind === 'loading' && <StatusView kind="loading" id="region-homes-state" text="正在查找…" />}
      {homes?.kind === 'error' && <StatusView kind="error" id="region-homes-state" text={homes.message} onRetry={search} />}
      {homes?.kind === 'ready' && homes.data.length === 0 && (
        <StatusView kind="empty" id="region-homes-state" text="没有找到名称相符的职工之家，请换个词或换个地区再试。" />
      )}
      {homes?.kind === 'ready' && homes.data.length > 0 && (
        <View className="region__list" id="region-homes" {...a11y({ role: 'group', label: '找到的职工之家' })}>
          {homes.data.map((h, i) => (
            <Button
              key={h.id}
              className="btn btn--secondary gk__wide"
              id={`region-home-${i}`}
              {...a11y({ role: 'button', label: `${h.name}（${h.orgName}）` })}
              onClick={() => onChoose({ homeId: h.id, homeName: h.name })}
            >
              {h.name}（{h.orgName}）
            </Button>
          ))}
        </View>
      )}

      {region && (
        <Button
          className="btn btn--secondary gk__wide"
          id="region-file-to-org"
          {...a11y({ role: 'button', label: `单位没有职工之家，直接向${region.name}反映` })}
          onClick={() => onChoose({ homeId: region.id, homeName: region.name, toOrg: true })}
        >
          单位没有职工之家？直接向{region.name}反映
        </Button>
      )}
    </View>
  );
}

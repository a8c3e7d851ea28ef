import { useMemo } from 'react';
import { Button, Text, View } from '@tarojs/components';
import StatusView from '../../../components/StatusView';
import { listGrievanceHomes, type KnownHome } from '../../../services/grievanceDrafts';
import { listRatedHomes } from '../../../services/myRatings';
import { a11y } from '../../../utils/a11y';
import RegionSearch from './RegionSearch';

/** Homes this device knows (grievance form opened, or rated): offered when the form opens without one. */
function knownHomes(): KnownHome[] {
  const seen = new Set<string>();
  const out: KnownHome[] = [];
  for (const h of [...listGrievanceHomes(), ...listRatedHomes()]) {
    if (seen.has(h.homeId)) continue;
    seen.add(h.homeId);
    out.push({ homeId: h.homeId, homeName: h.homeName, ...('toOrg' in h && h.toOrg ? { toOrg: true } : {}) });
  }
  return out;
}

/** Where to file: a home this device knows, one found by region and name, or a federation directly. */
export default function HomeChooser({ onChoose }: { onChoose: (home: KnownHome) => void }) {
  const homes = useMemo(knownHomes, []);
  return (
    <>
      {homes.length ? (
        <View className="card" id="grievance-homes" {...a11y({ role: 'region', label: '选择职工之家' })}>
          <Text className="title">向哪个职工之家反映？</Text>
          {homes.map((h, i) => (
            <Button
              key={h.homeId}
              className="btn btn--secondary gk__wide"
              id={`grievance-home-${i}`}
              {...a11y({ role: 'button', label: h.homeName || '职工之家' })}
              onClick={() => onChoose(h)}
            >
              {h.homeName || '职工之家'}
            </Button>
          ))}
        </View>
      ) : (
        <StatusView
          kind="empty"
          id="grievance-no-home"
          text="可以用微信扫描本单位职工之家海报上的二维码，在职工之家页面点击“我要维权”；没有海报时，请在下面按地区查找。"
        />
      )}
      <RegionSearch onChoose={onChoose} />
    </>
  );
}

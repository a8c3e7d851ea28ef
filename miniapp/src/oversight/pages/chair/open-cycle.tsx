import { Text, View } from '@tarojs/components';
import { daysLeftText, DEFAULT_THRESHOLDS, formatChinaDate, openFiguresNote, type OpenCycle } from '@pingjia/shared';
import { a11y, heading } from '../../../utils/a11y';

/**
 * While the cycle is open: how long it still runs and why only participation shows until the close
 * (issue 14: verdicts, scores, groups and comments are released once, when the cycle closes).
 */
export function OpenCycleCard({ open }: { open: OpenCycle }) {
  return (
    <View className="card chair__open" id="chair-open" {...a11y({ role: 'status' })}>
      <Text className="ov-section" {...heading(2)}>
        评议进行中
      </Text>
      <Text className="chair__days" id="chair-days-left">
        {`${daysLeftText(open.daysLeft)}（${formatChinaDate(open.closesAt)}截止）`}
      </Text>
      <Text className="ov-sub" id="chair-open-note">
        {openFiguresNote()}
      </Text>
      <Text className="ov-sub" id="chair-open-why">
        {`这样，无论何时查看、查看多少次，都无法从前后两次的差别推算出某一位会员的评价。参评人数每满 ${DEFAULT_THRESHOLDS.minSlice} 人更新一次。`}
      </Text>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { a11y } from '../../../utils/a11y';
import type { DataTableProps } from './types';
import './index.less';

export type { Column, DataTableProps } from './types';

/** weapp has no table element: each row is a card of "label: value" lines, in the table's order. */
export default function DataTable<R>({ id, caption, columns, rows, rowKey, empty }: DataTableProps<R>) {
  return (
    <View className="dt dt--cards" id={id} {...a11y({ role: 'list', label: caption })}>
      <Text className="dt__caption">{caption}</Text>
      {rows.length === 0 && <Text className="dt__empty">{empty ?? '暂无数据'}</Text>}
      {rows.map((row, i) => (
        <View className="dt__card" key={rowKey(row)} id={`${id}-row-${i}`} {...a11y({ role: 'listitem' })}>
          {columns.map((c) => (
            <View className="dt__line" key={c.key}>
              <Text className="dt__label">{c.title}</Text>
              <View className={`dt__value${c.numeric ? ' dt__value--num' : ''}`}>{c.cell(row, i)}</View>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

import { Button, Text, View } from '@tarojs/components';
import { a11y } from '../../utils/a11y';

/** Previous / next page, with "第 2 / 5 页". ids: `${id}-prev`, `${id}-next`, `${id}-page`. */
export default function Pager({
  id,
  page,
  pageSize,
  total,
  onPage,
}: {
  id: string;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const prev = page > 1;
  const next = page < pages;
  return (
    <View className="ov-pager" {...a11y({ role: 'group', label: '翻页' })}>
      <Button
        id={`${id}-prev`}
        className={`btn btn--secondary${prev ? '' : ' btn--disabled'}`}
        disabled={!prev}
        {...a11y({ role: 'button', label: '上一页', disabled: !prev })}
        onClick={() => prev && onPage(page - 1)}
      >
        上一页
      </Button>
      <Text className="ov-pager__text" id={`${id}-page`}>
        第 {page} / {pages} 页，共 {total} 条
      </Text>
      <Button
        id={`${id}-next`}
        className={`btn btn--secondary${next ? '' : ' btn--disabled'}`}
        disabled={!next}
        {...a11y({ role: 'button', label: '下一页', disabled: !next })}
        onClick={() => next && onPage(page + 1)}
      >
        下一页
      </Button>
    </View>
  );
}

import type { DataTableProps } from './types';
import './index.less';

export type { Column, DataTableProps } from './types';

/** H5: a real table (caption, column headers, aria-sort), scrolling sideways or stacking on a phone. */
export default function DataTable<R>({ id, caption, columns, rows, rowKey, empty, stack }: DataTableProps<R>) {
  return (
    <div className={`dt${stack ? ' dt--stack' : ''}`} role="region" aria-label={caption} tabIndex={0}>
      <table className="dt__table" id={id}>
        <caption className="dt__caption">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'dt__num' : undefined} aria-sort={c.sorted}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="dt__empty">
                {empty ?? '暂无数据'}
              </td>
            </tr>
          )}
          {rows.map((row, i) => (
            <tr key={rowKey(row)} id={`${id}-row-${i}`}>
              {columns.map((c) => (
                <td key={c.key} data-label={c.title} className={c.numeric ? 'dt__num' : undefined}>
                  {c.cell(row, i)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

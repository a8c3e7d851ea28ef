import { parseRosterCsv } from './roster-file';

describe('roster CSV', () => {
  it('reads a roster with Chinese headers', () => {
    expect(parseRosterCsv('姓名,会员编号\n张三,A001\n')).toEqual({ lines: [{ name: '张三', memberNo: 'A001', phone: null }], errors: [] });
  });

  it('reports malformed CSV as an error of the file instead of throwing', () => {
    const res = parseRosterCsv('{"orgPath":-1609282834}');
    expect(res.lines).toEqual([]);
    expect(res.errors[0].reason).toContain('CSV');
  });
});

export const GRIEVANCE_TYPES = ['enquiry', 'help', 'complaint', 'legal_aid', 'suggestion'] as const;
export type GrievanceType = (typeof GRIEVANCE_TYPES)[number];
export const GRIEVANCE_TYPE_LABELS: Record<GrievanceType, string> = {
  enquiry: '咨询',
  help: '求助',
  complaint: '投诉',
  legal_aid: '法律援助',
  suggestion: '建议',
};

export const GRIEVANCE_TOPICS = ['wages', 'contract', 'hours', 'insurance', 'safety', 'agency', 'union', 'other'] as const;
export type GrievanceTopic = (typeof GRIEVANCE_TOPICS)[number];
export const GRIEVANCE_TOPIC_LABELS: Record<GrievanceTopic, string> = {
  wages: '工资报酬',
  contract: '劳动合同',
  hours: '工时休假',
  insurance: '社会保险',
  safety: '劳动安全卫生',
  agency: '劳务派遣',
  union: '工会工作',
  other: '其他',
};

/** A grievance about the union or its chair goes to the level above, never to that chair. */
export function routesToUpperLevel(topic: GrievanceTopic): boolean {
  return topic === 'union';
}

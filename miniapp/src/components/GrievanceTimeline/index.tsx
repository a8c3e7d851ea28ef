import { Text, View } from '@tarojs/components';
import { GRIEVANCE_ACTOR_LABELS, GRIEVANCE_EVENT_LABELS, GRIEVANCE_FEEDBACK_LABELS, type GrievanceTimelineEvent } from '@pingjia/shared';
import { a11y } from '../../utils/a11y';
import { formatEventTime } from '../../utils/grievance';
import './index.less';

interface Props {
  events: GrievanceTimelineEvent[];
}

/** What happened to a grievance, oldest first: step, who, when, and the words that came with it. */
export default function GrievanceTimeline({ events }: Props) {
  return (
    <View className="card timeline" id="grievance-timeline">
      <Text className="title">办理进度</Text>
      <View className="timeline__list" {...a11y({ role: 'list', label: '办理进度' })}>
        {events.map((e, i) => (
          <View className={`timeline__item timeline__item--${e.kind}`} id={`timeline-${i}`} key={i} {...a11y({ role: 'listitem' })}>
            <Text className="timeline__step" id={`timeline-step-${i}`}>
              {GRIEVANCE_EVENT_LABELS[e.kind]}
              {e.kind === 'extended' && e.days ? `（延长 ${e.days} 个工作日）` : ''}
              {e.verdict ? `：${GRIEVANCE_FEEDBACK_LABELS[e.verdict]}` : ''}
            </Text>
            <Text className="timeline__meta" id={`timeline-meta-${i}`}>
              {GRIEVANCE_ACTOR_LABELS[e.actorRole]} · {formatEventTime(e)}
            </Text>
            {e.message && (
              <Text className="timeline__message" id={`timeline-message-${i}`}>
                {e.kind === 'extended' ? `延期理由：${e.message}` : e.message}
              </Text>
            )}
          </View>
        ))}
      </View>
    </View>
  );
}

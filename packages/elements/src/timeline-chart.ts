export {
  DiaryTimelineChart,
  type DiaryRangeChangeDetail,
  type DiarySubjectsChangeDetail,
} from './timeline-chart/diary-timeline-chart';

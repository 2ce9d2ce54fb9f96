// Side-effect entry: registers <diary-timeline-chart> only (a clash with another copy warns, never throws).
import { DiaryTimelineChart } from './timeline-chart/diary-timeline-chart';
import { defineElement } from './shared/define';

defineElement('diary-timeline-chart', DiaryTimelineChart);

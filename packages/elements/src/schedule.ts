export {
  DiarySchedule,
  type DiarySubstitutionDetail,
  type DiaryWeekChangeDetail,
  type ScheduleLayout,
} from './schedule/diary-schedule';

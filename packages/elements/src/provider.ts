export {
  DiaryProvider,
  type DiaryChildChangeDetail,
  type DiarySessionKeeping,
} from './provider/diary-provider';
export type { ChildrenState, DiaryEnvironment } from './shared/context';
export { diaryContext } from './shared/context';
export type { WidgetClient, SessionState } from './shared/client';

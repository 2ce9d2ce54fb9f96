export { DiaryChildPicker } from './child-picker/diary-child-picker';
export type { ChildrenState } from './shared/context';
export type { DiaryChildChangeDetail } from './provider/diary-provider';

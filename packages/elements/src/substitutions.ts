export { DiarySubstitutions } from './substitutions/diary-substitutions';
export type { DiarySubstitutionChangeDetail } from './substitutions/diary-substitutions';

export {
  DiaryChildForm,
  SNILS_EXAMPLE,
  type ChildFormStep,
  type DiaryChildRegisteredDetail,
} from './child-form/diary-child-form';

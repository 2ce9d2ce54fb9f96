export { DiaryNewsEditor, type DiaryNewsEditorChangeDetail } from './news-editor/diary-news-editor';

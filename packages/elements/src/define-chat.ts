// Side-effect entry: registers <diary-chat> only (a clash with another copy warns, never throws).
import { DiaryChat } from './chat/diary-chat';
import { defineElement } from './shared/define';

defineElement('diary-chat', DiaryChat);

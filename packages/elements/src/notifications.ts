export {
  DiaryNotifications,
  type DiaryNotificationReadDetail,
  type DiaryUnreadChangeDetail,
  type NotificationsVariant,
  type NotificationsView,
} from './notifications/diary-notifications';

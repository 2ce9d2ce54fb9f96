import type { NewsItem } from '@school-diary/core';
import { notFound, signedIn, type MemoryHandler, type MemoryRequest } from './memory-access';
import type { MemoryDiary } from './memory-diary';

/** Whether the caller reads the school's news: its staff, or a family with a child there. */
function readsSchool(diary: MemoryDiary, request: MemoryRequest, schoolId: string): boolean {
  const user = signedIn(request);
  if (user.schoolId) return user.schoolId === schoolId;
  return diary.data.children.some(
    (c) => c.schoolId === schoolId && diary.familyOf(c.id).includes(user.id),
  );
}

/** The memory client's answers for school news: the feed (by kind, paged) and one item. */
export const NEWS_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'news.list': (diary, request) => {
    const schoolId = String(request.params.schoolId);
    if (!readsSchool(diary, request, schoolId)) throw notFound();
    const page = Number(request.query.page ?? 1);
    const pageSize = Number(request.query.pageSize ?? 20);
    const all = diary.data.news
      .filter(
        (n) => n.schoolId === schoolId && (!request.query.kind || n.kind === request.query.kind),
      )
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.id.localeCompare(a.id));
    return {
      items: all.slice((page - 1) * pageSize, page * pageSize),
      total: all.length,
      page,
      pageSize,
    };
  },
  'news.get': (diary, request) => {
    const item: NewsItem | undefined = diary.data.news.find((n) => n.id === request.params.newsId);
    if (!item || !readsSchool(diary, request, item.schoolId)) throw notFound();
    return item;
  },
};

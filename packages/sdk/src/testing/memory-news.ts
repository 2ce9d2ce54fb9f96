import { newsInputProblems, type NewsItem } from '@school-diary/core';
import { notFound, signedIn, type MemoryHandler, type MemoryRequest } from './memory-access';
import { MemoryApiError, type MemoryDiary } from './memory-diary';

/** Whether the caller reads the school's news: its staff, or a family with a child there. */
function readsSchool(diary: MemoryDiary, request: MemoryRequest, schoolId: string): boolean {
  const user = signedIn(request);
  if (user.schoolId) return user.schoolId === schoolId;
  return diary.data.children.some(
    (c) => c.schoolId === schoolId && diary.familyOf(c.id).includes(user.id),
  );
}

/** The caller as the admin of the school, or a 404 (another school's admin learns nothing). */
function adminOf(request: MemoryRequest, schoolId: string): void {
  if (signedIn(request).schoolId !== schoolId) throw notFound();
}

type NewsBody = Omit<NewsItem, 'id' | 'schoolId' | 'publishedAt'>;

/** The item as the server keeps it: hours and place only with an event's day, a place trimmed. */
function published(body: NewsBody): NewsBody {
  const { eventDate, startTime, endTime, location, ...rest } = body;
  const place = location?.trim();
  return {
    ...rest,
    ...(eventDate ? { eventDate } : {}),
    ...(eventDate && startTime ? { startTime } : {}),
    ...(eventDate && endTime ? { endTime } : {}),
    ...(place ? { location: place } : {}),
  };
}

/**
 * The memory client's answers for school news: the feed (by kind, paged) and one item, and the
 * school admin's publishing and removal, with the server's rules across fields.
 */
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
  'news.publish': (diary, request) => {
    const schoolId = String(request.params.schoolId);
    adminOf(request, schoolId);
    const body = request.body as NewsBody;
    const problems = newsInputProblems(body);
    if (problems.length) throw new MemoryApiError(400, 'validation_failed', problems);
    const item = {
      ...published(body),
      id: diary.id('nws'),
      schoolId,
      publishedAt: diary.now().toISOString(),
    } as NewsItem;
    diary.data.news.push(item);
    return item;
  },
  'news.remove': (diary, request) => {
    const item = diary.data.news.find((n) => n.id === request.params.newsId);
    if (!item) throw notFound();
    adminOf(request, item.schoolId);
    diary.data.news.splice(diary.data.news.indexOf(item), 1);
    return undefined;
  },
};

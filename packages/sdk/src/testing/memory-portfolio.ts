import type { Attachment, PortfolioItem } from '@school-diary/core';
import {
  notFound,
  signedIn,
  visibleChild,
  type MemoryHandler,
  type MemoryRequest,
} from './memory-access';
import { MemoryApiError, type MemoryDiary } from './memory-diary';

type Upload = MemoryDiary['data']['uploads'][number];
type Body = Partial<Omit<PortfolioItem, 'attachment'>> & { attachmentId?: string | null };

const invalid = (path: string, code = 'invalid_option') =>
  new MemoryApiError(400, 'validation_failed', [{ path, code }]);

/** Checks the date (not after today) and claims the caller's own unattached upload. */
function checked(diary: MemoryDiary, request: MemoryRequest, body: Body): Attachment | undefined {
  const user = signedIn(request);
  if (body.date && body.date > diary.now().toISOString().slice(0, 10))
    throw invalid('date', 'future_date');
  if (!body.attachmentId) return undefined;
  const upload = diary.data.uploads.find(
    (u) => u.id === body.attachmentId && u.ownerId === user.id && !u.attached,
  );
  if (!upload) throw invalid('attachmentId');
  upload.attached = true;
  return { id: upload.id, name: upload.name, size: upload.size, contentType: upload.contentType };
}

/** The item, if the caller may see its child; a write also needs the creator or a parent. */
function visibleItem(diary: MemoryDiary, request: MemoryRequest, write = false): PortfolioItem {
  const user = signedIn(request);
  const item = diary.data.portfolio.find((i) => i.id === request.params.itemId);
  if (!item) throw notFound();
  visibleChild(diary, { ...request, params: { childId: item.childId } });
  if (write && item.createdBy !== user.id && user.role !== 'parent') throw notFound();
  return item;
}

function put(diary: MemoryDiary, item: PortfolioItem): PortfolioItem {
  const index = diary.data.portfolio.findIndex((i) => i.id === item.id);
  if (index < 0) diary.data.portfolio.push(item);
  else diary.data.portfolio.splice(index, 1, item);
  return item;
}

/** Sets or clears the optional fields a patch names (`null` clears). */
function patched(item: PortfolioItem, body: Body, attachment: Attachment | undefined) {
  const { attachmentId, ...fields } = body;
  const merged: Record<string, unknown> = { ...item, ...fields };
  if (attachmentId === null) merged.attachment = undefined;
  else if (attachment) merged.attachment = attachment;
  const next = Object.entries(merged).filter(
    ([, value]) => value !== null && value !== undefined && value !== '',
  );
  return Object.fromEntries(next) as PortfolioItem;
}

const matches = (item: PortfolioItem, q: unknown) => {
  const text = `${item.title} ${item.description ?? ''}`.toLocaleLowerCase('ru');
  return String(q ?? '')
    .toLocaleLowerCase('ru')
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => text.includes(w));
};

/**
 * The memory client's answers for portfolios and uploads: items listed by tag, kind and words,
 * added and edited with a file (uploads keep the file's name, size and type, not its bytes),
 * commented by teachers, removed by their creator or a parent.
 */
export const PORTFOLIO_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'attachments.upload': (diary, request) => {
    const user = signedIn(request);
    const body = request.body as { name: string; size: number; contentType: string };
    const upload: Upload = { id: diary.id('att'), ...body, ownerId: user.id, attached: false };
    diary.data.uploads.push(upload);
    return { id: upload.id, name: upload.name, size: upload.size, contentType: upload.contentType };
  },
  'portfolio.list': (diary, request) => {
    const child = visibleChild(diary, request);
    const q = request.query;
    const items = diary.data.portfolio
      .filter(
        (i) =>
          i.childId === child.id &&
          (!q.subjectId || i.subjectId === q.subjectId) &&
          (!q.periodId || i.periodId === q.periodId) &&
          (!q.level || i.level === q.level) &&
          (!q.kind || i.kind === q.kind) &&
          matches(i, q.q),
      )
      .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
    return { items };
  },
  'portfolio.create': (diary, request) => {
    const user = signedIn(request);
    const child = visibleChild(diary, request);
    const body = request.body as Body;
    const attachment = checked(diary, request, body);
    const { attachmentId: _attachmentId, ...fields } = body;
    return put(
      diary,
      patched(
        {
          ...(fields as PortfolioItem),
          id: diary.id('pfl'),
          childId: child.id,
          comments: [],
          createdBy: user.id,
          createdAt: diary.now().toISOString(),
        },
        {},
        attachment,
      ),
    );
  },
  'portfolio.update': (diary, request) => {
    const item = visibleItem(diary, request, true);
    const body = request.body as Body;
    return put(diary, patched(item, body, checked(diary, request, body)));
  },
  'portfolio.remove': (diary, request) => {
    const item = visibleItem(diary, request, true);
    diary.data.portfolio.splice(diary.data.portfolio.indexOf(item), 1);
    return undefined;
  },
  'portfolio.comment': (diary, request) => {
    const user = signedIn(request);
    const item = visibleItem(diary, request);
    const comment = {
      id: diary.id('pcm'),
      authorId: user.id,
      authorName: [user.lastName, user.firstName, user.middleName].filter(Boolean).join(' '),
      text: String(request.body.text),
      createdAt: diary.now().toISOString(),
    };
    return put(diary, { ...item, comments: [...item.comments, comment] });
  },
};

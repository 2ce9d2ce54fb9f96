import type { Ticket } from '@school-diary/core';
import { notFound, signedIn, type MemoryHandler, type MemoryRequest } from './memory-access';
import { MemoryApiError, type MemoryDiary } from './memory-diary';

function ticketNumber(diary: MemoryDiary): string {
  return `ОБР-${String(diary.data.tickets.length + 1).padStart(6, '0')}`;
}

/** The ticket, if the caller wrote it or administers its school. */
function visibleTicket(diary: MemoryDiary, request: MemoryRequest): Ticket {
  const user = signedIn(request);
  const ticket = diary.data.tickets.find((t) => t.id === request.params.ticketId);
  const admin = user.role === 'school_admin' && user.schoolId === ticket?.schoolId;
  if (!ticket || (ticket.authorId !== user.id && !admin)) throw notFound();
  return ticket;
}

/** The school that answers a new ticket, as the server routes it. */
function route(
  diary: MemoryDiary,
  request: MemoryRequest,
): Pick<Ticket, 'schoolId' | 'applicationNumber'> {
  const user = signedIn(request);
  const body = request.body as { applicationNumber?: string; schoolId?: string };
  if (body.applicationNumber) {
    const application = diary.data.applications.find(
      (a) => a.number === body.applicationNumber && diary.familyOf(a.childId).includes(user.id),
    );
    if (!application)
      throw new MemoryApiError(400, 'validation_failed', [
        { path: 'applicationNumber', code: 'invalid_option' },
      ]);
    return { schoolId: application.schoolId, applicationNumber: application.number };
  }
  const own =
    user.schoolId ??
    diary.data.children.find((c) => c.schoolId && diary.familyOf(c.id).includes(user.id))?.schoolId;
  const schoolId = body.schoolId ?? own;
  if (!schoolId)
    throw new MemoryApiError(400, 'validation_failed', [{ path: 'schoolId', code: 'required' }]);
  if (!diary.data.users.some((u) => u.role === 'school_admin' && u.schoolId === schoolId))
    throw new MemoryApiError(400, 'validation_failed', [
      { path: 'schoolId', code: 'invalid_option' },
    ]);
  return { schoolId };
}

/**
 * The memory client's answers for support tickets: opened by anyone (routed to a school whose
 * admins answer), listed for their author and those admins, replied to by either side. Tickets
 * here carry no files.
 */
export const SUPPORT_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'support.create': (diary, request) => {
    const user = signedIn(request);
    const routed = route(diary, request);
    const body = request.body as { subject: string; text: string };
    const at = diary.now().toISOString();
    const ticket: Ticket = {
      id: diary.id('tkt'),
      number: ticketNumber(diary),
      authorId: user.id,
      subject: body.subject,
      status: 'open',
      ...routed,
      messages: [
        {
          id: diary.id('tmsg'),
          authorId: user.id,
          authorRole: user.role,
          text: body.text,
          at,
          attachments: [],
        },
      ],
      createdAt: at,
      updatedAt: at,
    };
    return diary.putTicket(ticket);
  },
  'support.list': (diary, request) => {
    const user = signedIn(request);
    const items = diary.data.tickets
      .filter(
        (t) =>
          t.authorId === user.id || (user.role === 'school_admin' && t.schoolId === user.schoolId),
      )
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.number.localeCompare(a.number));
    return { items };
  },
  'support.get': (diary, request) => visibleTicket(diary, request),
  'support.reply': (diary, request) => {
    const user = signedIn(request);
    const ticket = visibleTicket(diary, request);
    return diary.replyToTicket(ticket.id, user.id, String(request.body.text));
  },
};

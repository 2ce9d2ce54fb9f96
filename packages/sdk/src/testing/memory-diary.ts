import {
  canTransition,
  type AbsenceNotice,
  type Attendance,
  type Application,
  type ApplicationStatus,
  type ApplicationWithdrawalReason,
  type Challenge,
  type LiveEvent,
  type LiveEventType,
  type Mark,
  type Message,
  type Session,
  type SignInSession,
  type Ticket,
  type User,
} from '@school-diary/core';
import type { MemoryFixtures } from './fixtures';

/**
 * The password of every account of a memory client.
 *
 * @example
 * const { challengeId } = await client.auth.login({ phone: '+79990000001', password: MEMORY_PASSWORD });
 */
export const MEMORY_PASSWORD = 'school-diary-demo';
/**
 * The one-time code a memory client accepts for every challenge.
 *
 * @example
 * await client.auth.verify({ challengeId, code: MEMORY_CODE });
 */
export const MEMORY_CODE = '123456';

/**
 * A failure in the server's terms: status, request code, field errors.
 *
 * @example
 * throw new MemoryApiError(400, 'validation_failed', [{ path: 'text', code: 'required' }]);
 */
export class MemoryApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly fields: readonly {
      path: string;
      code: string;
      message?: string;
      params?: Readonly<Record<string, string | number>>;
    }[] = [],
  ) {
    super(code);
  }
}

let idCounter = 0;

interface TokenRow {
  readonly userId: string;
  readonly family: string;
  rotated: boolean;
  revoked: boolean;
}

interface FamilyRow {
  readonly userId: string;
  readonly startedAt: string;
  lastActiveAt: string;
  readonly device: string;
}

interface StoredEvent {
  readonly seq: number;
  readonly userId: string;
  readonly event: LiveEvent;
}

/**
 * The state behind a memory client: the fixtures (changed by writes), sessions and the live
 * events each user receives. Tests and stories reach it as `client.memory` to make things happen
 * "on the server", e.g. a teacher entering a mark.
 *
 * @example
 * const client = createMemoryClient();
 * client.memory.publish(['usr_parent_ivanova'], 'notification.created', notification);
 */
export class MemoryDiary {
  readonly data: MemoryFixtures;
  readonly now: () => Date;
  readonly #tokens = new Map<string, TokenRow & { readonly kind: 'access' | 'refresh' }>();
  readonly #challenges = new Map<string, string>();
  /** Challenges of other purposes (a child card, password recovery): id -> user and target. */
  readonly #purposeChallenges = new Map<string, { userId: string; target: string }>();
  readonly #passwords = new Map<string, string>();
  /** Each session family's owner, start and last activity: the caller's list of sessions. */
  readonly #families = new Map<string, FamilyRow>();
  readonly #events: StoredEvent[] = [];
  readonly #listeners = new Set<(stored: StoredEvent) => void>();

  constructor(data: MemoryFixtures, now: () => Date) {
    this.data = data;
    this.now = now;
  }

  /**
   * A fresh id with a prefix. The counter is shared by every memory diary, so two clients over
   * the same fixtures never mint the same id, and `_new_` keeps clear of the fixtures' `_mem_` ids.
   */
  id(prefix: string): string {
    idCounter += 1;
    return `${prefix}_new_${idCounter.toString(36)}`;
  }

  /** Starts a login challenge for a phone and password. */
  challenge(phone: string, password: string): Challenge {
    const user = this.data.users.find((u) => u.phone === phone);
    if (!user || password !== (this.#passwords.get(user.id) ?? MEMORY_PASSWORD))
      throw new MemoryApiError(401, 'invalid_credentials');
    const challengeId = this.id('chl');
    this.#challenges.set(challengeId, user.id);
    return this.#challengeView(challengeId, user);
  }

  /**
   * Sends the code of a challenge again (it is always {@link MEMORY_CODE}): a login's, or one of
   * another purpose (registration, recovery).
   */
  resend(challengeId: string): Challenge {
    const userId =
      this.#challenges.get(challengeId) ?? this.#purposeChallenges.get(challengeId)?.userId;
    if (!userId)
      throw new MemoryApiError(400, 'code_invalid', [{ path: 'challengeId', code: 'format' }]);
    return this.#challengeView(challengeId, this.user(userId));
  }

  #challengeView(challengeId: string, user: User): Challenge {
    const now = this.now().getTime();
    const phone = user.phone;
    return {
      challengeId,
      expiresAt: new Date(now + 300_000).toISOString(),
      resendAfter: new Date(now + 60_000).toISOString(),
      sentTo: `${phone.slice(0, 2)} ${phone.slice(2, 5)} ***-**-${phone.slice(-2)}`,
    };
  }

  /**
   * Sends a code for something other than a login (a child card, password recovery); it is
   * always {@link MEMORY_CODE}. `user` may be undefined for an unknown phone: the answer looks
   * the same, but no code will ever match.
   */
  purposeChallenge(user: User | undefined, target: string): Challenge {
    const challengeId = this.id('chl');
    if (user) this.#purposeChallenges.set(challengeId, { userId: user.id, target });
    const stranger = { phone: '+70000000000' } as User;
    return this.#challengeView(challengeId, user ?? stranger);
  }

  /**
   * Checks the code of a {@link purposeChallenge} for a target and spends it; the user's id, or a
   * 400 naming the field to fix.
   */
  confirmPurpose(challengeId: string, code: string, target: string): string {
    const found = this.#purposeChallenges.get(challengeId);
    if (!found || found.target !== target)
      throw new MemoryApiError(400, 'code_invalid', [{ path: 'challengeId', code: 'format' }]);
    if (code !== MEMORY_CODE)
      throw new MemoryApiError(400, 'code_invalid', [{ path: 'code', code: 'wrong_code' }]);
    this.#purposeChallenges.delete(challengeId);
    return found.userId;
  }

  /**
   * Sets a user's password and ends every session of theirs but `keepFamily` (the one changing
   * it), as recovery and a password change do on the server.
   */
  setPassword(userId: string, password: string, keepFamily?: string): void {
    this.#passwords.set(userId, password);
    for (const row of this.#tokens.values())
      if (row.userId === userId && row.family !== keepFamily) row.revoked = true;
  }

  /** Whether a password is the user's. */
  checkPassword(userId: string, password: string): boolean {
    return password === (this.#passwords.get(userId) ?? MEMORY_PASSWORD);
  }

  /** Answers a challenge with its code: the session's tokens. */
  verify(challengeId: string, code: string): Session {
    const userId = this.#challenges.get(challengeId);
    if (!userId)
      throw new MemoryApiError(400, 'code_invalid', [{ path: 'challengeId', code: 'format' }]);
    if (code !== MEMORY_CODE)
      throw new MemoryApiError(400, 'code_invalid', [{ path: 'code', code: 'wrong_code' }]);
    this.#challenges.delete(challengeId);
    return this.issue(userId, this.id('fam'));
  }

  /** Opens a session for a user (also how `signedInAs` starts signed in). */
  issue(userId: string, family: string = this.id('fam')): Session {
    const user = this.user(userId);
    const accessToken = `at_${this.id('tok')}`;
    const refreshToken = `rt_${this.id('tok')}`;
    const row = { userId, family, rotated: false, revoked: false };
    this.#tokens.set(accessToken, { ...row, kind: 'access' });
    this.#tokens.set(refreshToken, { ...row, kind: 'refresh' });
    const at = this.now().toISOString();
    const known = this.#families.get(family);
    if (known) known.lastActiveAt = at;
    else
      this.#families.set(family, {
        userId,
        startedAt: at,
        lastActiveAt: at,
        device: this.#families.size % 2 === 0 ? 'Chrome, Windows' : 'Safari, iOS',
      });
    return { accessToken, refreshToken, expiresIn: 900, user };
  }

  /** Rotates a refresh token; a spent one revokes its whole family, as the server does. */
  refresh(refreshToken: string): Session {
    const row = this.#tokens.get(refreshToken);
    if (!row || row.kind !== 'refresh') throw new MemoryApiError(401, 'unauthorized');
    if (row.rotated || row.revoked) {
      this.revoke(row.family);
      throw new MemoryApiError(401, 'unauthorized');
    }
    row.rotated = true;
    return this.issue(row.userId, row.family);
  }

  /** Ends every session of a family. */
  revoke(family: string): void {
    for (const row of this.#tokens.values()) if (row.family === family) row.revoked = true;
  }

  /** A user's open sessions (newest first), `current` for the family that asks. */
  sessionsOf(userId: string, currentFamily: string | undefined): SignInSession[] {
    const open = new Set(
      [...this.#tokens.values()]
        .filter((t) => t.userId === userId && !t.revoked)
        .map((t) => t.family),
    );
    return [...this.#families.entries()]
      .filter(([family, row]) => row.userId === userId && open.has(family))
      .map(([family, row]) => ({
        id: family,
        startedAt: row.startedAt,
        lastActiveAt: row.lastActiveAt,
        current: family === currentFamily,
        device: row.device,
        place: '127.0.0.1',
      }))
      .reverse();
  }

  /** The user and session family of an access token, or a 401. */
  authenticate(accessToken: string): { user: User; family: string } {
    const row = this.#tokens.get(accessToken);
    if (!row || row.kind !== 'access' || row.revoked) throw new MemoryApiError(401, 'unauthorized');
    return { user: this.user(row.userId), family: row.family };
  }

  /** A user by id. */
  user(id: string): User {
    const user = this.data.users.find((u) => u.id === id);
    if (!user) throw new MemoryApiError(404, 'not_found');
    return user;
  }

  /** The ids of the users who follow a child (parents, the student). */
  familyOf(childId: string): string[] {
    return this.data.family.filter((f) => f.childId === childId).map((f) => f.userId);
  }

  /**
   * Enters a mark as its teacher would: it joins the child's marks and the family hears of it live.
   *
   * @example
   * client.memory.addMark({ childId: 'chd_maria', subjectId: 'sub_42_math', value: 5, kind: 'test' });
   */
  addMark(input: Pick<Mark, 'childId' | 'subjectId' | 'value' | 'kind'> & Partial<Mark>): Mark {
    const at = this.now().toISOString();
    const like = this.data.marks.find((m) => m.subjectId === input.subjectId);
    const mark: Mark = {
      id: this.id('mrk'),
      subjectName: like?.subjectName ?? input.subjectId,
      weight: 1,
      date: at.slice(0, 10),
      teacherId: like?.teacherId ?? 'usr_teacher_math',
      teacherName: like?.teacherName ?? 'Учитель',
      createdAt: at,
      updatedAt: at,
      ...input,
    };
    this.data.marks.push(mark);
    this.publish(this.familyOf(mark.childId), 'mark.created', mark, mark.childId);
    return mark;
  }

  /**
   * Moves an application on as its school would (or activates it, to `active`; or withdraws it,
   * with `reasonCode`, as an unlink does): a history step, and the family hears of it live. A
   * withdrawn application moves no more (409 `application_withdrawn`).
   *
   * @example
   * client.memory.moveApplication(application.id, 'rejected', 'Нет СНИЛС');
   */
  moveApplication(
    id: string,
    status: ApplicationStatus,
    reason?: string,
    reasonCode?: ApplicationWithdrawalReason,
  ): Application {
    const index = this.data.applications.findIndex((a) => a.id === id);
    const current = this.data.applications[index];
    if (!current) throw new MemoryApiError(404, 'not_found');
    if (current.status === status && status === 'active') return current;
    if (current.status === 'withdrawn') throw new MemoryApiError(409, 'application_withdrawn');
    if (!canTransition(current.status, status)) throw new MemoryApiError(409, 'invalid_transition');
    const at = this.now().toISOString();
    const why = { ...(reason ? { reason } : {}), ...(reasonCode ? { reasonCode } : {}) };
    const moved: Application = {
      ...current,
      status,
      ...(status === 'rejected' && reason ? { rejectionReason: reason } : {}),
      history: [...current.history, { status, at, ...why }],
      updatedAt: at,
    };
    this.data.applications.splice(index, 1, moved);
    this.publish(this.familyOf(moved.childId), 'application.updated', moved, moved.childId);
    return moved;
  }

  /**
   * Records a child's attendance at a lesson as its teacher would; the family hears of it live.
   *
   * @example
   * client.memory.recordAttendance({ ...lesson, childId: 'chd_maria', status: 'ill' });
   */
  recordAttendance(entry: Omit<Attendance, 'id'> & { readonly id?: string }): Attendance {
    const index = this.data.attendance.findIndex(
      (a) => a.childId === entry.childId && a.lessonId === entry.lessonId,
    );
    const recorded: Attendance = { ...entry, id: entry.id ?? this.id('att') };
    if (index < 0) this.data.attendance.push(recorded);
    else this.data.attendance.splice(index, 1, recorded);
    this.publish(
      this.familyOf(recorded.childId),
      'attendance.recorded',
      recorded,
      recorded.childId,
    );
    return recorded;
  }

  /**
   * Acknowledges an absence notice as a teacher would; the family sees it live.
   *
   * @example
   * client.memory.acknowledgeNotice(notice.id, 'Орлов Сергей Николаевич');
   */
  acknowledgeNotice(id: string, teacherName: string): AbsenceNotice {
    const index = this.data.absenceNotices.findIndex((n) => n.id === id);
    const current = this.data.absenceNotices[index];
    if (!current) throw new MemoryApiError(404, 'not_found');
    const notice: AbsenceNotice = {
      ...current,
      status: 'acknowledged',
      acknowledgedAt: this.now().toISOString(),
      acknowledgedBy: teacherName,
    };
    this.data.absenceNotices.splice(index, 1, notice);
    this.publish(this.familyOf(notice.childId), 'absence-notice.updated', notice, notice.childId);
    return notice;
  }

  /** Stores a ticket (new or changed); its author and its school's admins hear of it live. */
  putTicket(ticket: Ticket): Ticket {
    const index = this.data.tickets.findIndex((t) => t.id === ticket.id);
    if (index < 0) this.data.tickets.push(ticket);
    else this.data.tickets.splice(index, 1, ticket);
    const admins = this.data.users
      .filter((u) => u.role === 'school_admin' && u.schoolId === ticket.schoolId)
      .map((u) => u.id);
    this.publish([ticket.authorId, ...admins], 'ticket.updated', ticket);
    return ticket;
  }

  /**
   * Adds a reply to a ticket as `userId` (its author reopens it; anyone else answers it).
   *
   * @example
   * client.memory.replyToTicket('tkt_1', 'usr_admin_42', 'Проверьте номер телефона в профиле');
   */
  replyToTicket(ticketId: string, userId: string, text: string): Ticket {
    const ticket = this.data.tickets.find((t) => t.id === ticketId);
    if (!ticket) throw new MemoryApiError(404, 'not_found');
    const author = this.user(userId);
    const at = this.now().toISOString();
    const message = { id: this.id('tmsg'), authorId: userId, authorRole: author.role, text, at };
    return this.putTicket({
      ...ticket,
      status: userId === ticket.authorId ? 'open' : 'answered',
      messages: [...ticket.messages, { ...message, attachments: [] }],
      updatedAt: at,
    });
  }

  /** Adds a message to a thread and tells its other participant. */
  addMessage(message: Message): Message {
    this.data.messages.push(message);
    const thread = this.data.threads.find((t) => t.id === message.threadId);
    if (thread) {
      const others = [thread.teacherId, thread.participantId].filter(
        (id) => id !== message.authorId,
      );
      this.publish(others, 'message.created', message, thread.childId);
    }
    return message;
  }

  /** Records a live event for users; open streams of theirs get it at once. */
  publish<T extends LiveEventType>(
    userIds: readonly string[],
    type: T,
    data: Extract<LiveEvent, { type: T }>['data'],
    childId?: string,
  ): void {
    for (const userId of new Set(userIds)) {
      const seq = this.#events.length + 1;
      const event = {
        id: String(seq),
        type,
        ...(childId ? { childId } : {}),
        at: this.now().toISOString(),
        data,
      } as LiveEvent;
      const stored = { seq, userId, event };
      this.#events.push(stored);
      for (const listener of this.#listeners) listener(stored);
    }
  }

  /** The events of a user after a sequence number, and later ones as they happen. */
  subscribe(userId: string, after: number, listener: (event: LiveEvent) => void): () => void {
    for (const stored of this.#events)
      if (stored.userId === userId && stored.seq > after) listener(stored.event);
    const forward = (stored: StoredEvent) => {
      if (stored.userId === userId) listener(stored.event);
    };
    this.#listeners.add(forward);
    return () => this.#listeners.delete(forward);
  }

  /** The newest event sequence number (a fresh stream starts after it). */
  get lastSeq(): number {
    return this.#events.length;
  }
}

import type { AuditAction } from '@school-diary/core';
import type { Generated } from 'kysely';

/** Tables of the diary database. Booleans are stored as 0/1 and JSON as text for portability. */
export interface Database {
  settings: { key: string; value: string };
  counters: { name: string; value: number };
  schools: {
    id: string;
    code: string;
    name: string;
    short_name: string;
    region: string;
    address: string;
    levels: string;
    profiles: string;
    diary_connected: number;
    time_zone: string;
    requires_snils: number;
  };
  users: {
    id: string;
    role: string;
    phone: string;
    password_hash: string;
    last_name: string;
    first_name: string;
    middle_name: string | null;
    email: string | null;
    /** Sealed (`dk1.…`, see services/data-keys.ts), as are the other document numbers. */
    snils: string | null;
    /** The keyed hash of the SNILS: exact look-ups and one account per SNILS. */
    snils_hash: string | null;
    passport: string | null;
    school_id: string | null;
    contact_hours: string | null;
    /** `ru` or `en`, from `Accept-Language` at registration and sign-in; null: Russian. */
    lang: string | null;
    identity_status: string;
    failed_logins: number;
    locked_until: string | null;
    created_at: string;
    /** A staff member's id in the school's own records (a OneRoster `sourcedId`): imports match on it. */
    external_id: string | null;
  };
  subjects: { id: string; school_id: string; name: string; short_name: string };
  classes: {
    id: string;
    school_id: string;
    name: string;
    grade: number;
    school_year: string;
    homeroom_teacher_id: string | null;
  };
  teaching: { teacher_id: string; class_id: string; subject_id: string };
  roster: {
    id: string;
    school_id: string;
    class_id: string;
    roster_id: string;
    last_name: string;
    first_name: string;
    birth_date: string;
    middle_name: string | null;
    list_number: number | null;
    /** The pupil's id in the school's own records: imports match on it. */
    external_id: string | null;
    /** When the pupil left the school; their diary stays readable. */
    left_at: string | null;
  };
  children: {
    id: string;
    last_name: string;
    first_name: string;
    middle_name: string | null;
    birth_date: string;
    sex: string;
    snils: string | null;
    snils_hash: string | null;
    inn: string | null;
    birth_certificate: string | null;
    status: string;
    school_id: string | null;
    class_id: string | null;
    student_user_id: string | null;
    created_by: string;
    created_at: string;
  };
  parent_children: { parent_id: string; child_id: string };
  guardian_claims: {
    id: string;
    child_id: string;
    parent_id: string;
    status: string;
    created_at: string;
    decided_by: string | null;
    decided_at: string | null;
  };
  school_links: {
    id: string;
    child_id: string;
    school_id: string;
    class_id: string;
    roster_id: string;
    linked_at: string;
  };
  school_changes: {
    id: string;
    challenge_id: string;
    child_id: string;
    parent_id: string;
    kind: string;
    link_id: string | null;
    school_code: string | null;
    roster_id: string | null;
    created_at: string;
    done_at: string | null;
  };
  applications: {
    id: string;
    number: string;
    child_id: string;
    school_id: string;
    school_year: string;
    status: string;
    rejection_reason: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  application_history: {
    id: Generated<number>;
    application_id: string;
    status: string;
    at: string;
    reason: string | null;
    /** Why the step was taken, as a code (`child_unlinked` on a withdrawal). */
    reason_code: string | null;
    actor_id: string | null;
  };
  challenges: {
    id: string;
    user_id: string;
    purpose: string;
    target_id: string | null;
    phone: string;
    code_hash: string;
    attempts: number;
    sends: number;
    expires_at: string;
    resend_after: string;
    consumed_at: string | null;
    created_at: string;
  };
  sessions: {
    id: string;
    user_id: string;
    family_id: string;
    access_hash: string;
    refresh_hash: string;
    access_expires_at: string;
    refresh_expires_at: string;
    rotated_at: string | null;
    revoked_at: string | null;
    created_at: string;
    device_hash: string | null;
    /** The `User-Agent` it signed in with (cut to 500 characters). */
    user_agent: string | null;
    /** The IP address it signed in from. */
    ip: string | null;
  };
  /** Hand-offs to another device by QR code (`HandoffStatus`; `expired` is never stored). */
  handoffs: {
    id: string;
    user_id: string;
    /** The session family that showed the code: only it may allow or refuse. */
    family_id: string;
    token_hash: string;
    status: 'waiting' | 'claimed' | 'confirmed' | 'declined' | 'used';
    created_at: string;
    expires_at: string;
    claim_hash: string | null;
    claimed_user_agent: string | null;
    claimed_ip: string | null;
    decided_at: string | null;
    used_at: string | null;
  };
  /** A sign-in through an identity provider, from its start to the ticket the browser takes back. */
  oidc_flows: {
    state_hash: string;
    provider: string;
    return_to: string;
    created_at: string;
    expires_at: string;
    /** When the provider's answer came back (a second answer with the same state is refused). */
    returned_at: string | null;
    ticket_hash: string | null;
    subject: string | null;
    /** JSON of the claims the diary uses, the SNILS sealed. */
    claims: string | null;
    used_at: string | null;
  };
  /** A provider's subject linked to an account. */
  user_identities: { provider: string; subject: string; user_id: string; linked_at: string };
  login_attempts: { id: Generated<number>; ip: string; phone: string; at: string; success: number };
  ip_blocks: { ip: string; blocked_until: string; reason: string };
  audit: {
    id: string;
    at: string;
    actor_id: string | null;
    actor_role: string | null;
    school_id: string | null;
    /** One of core's codes, so a write of a code core does not name does not compile. */
    action: AuditAction;
    target: string | null;
    ip: string;
    outcome: string;
    detail: string | null;
  };
  notifications: {
    id: string;
    user_id: string;
    kind: string;
    title: string;
    body: string;
    child_id: string | null;
    target_id: string | null;
    created_at: string;
    read_at: string | null;
  };
  /** Messages to deliver (SMS, e-mail) and what became of them; see delivery/outbox.ts. */
  outbox: {
    id: Generated<number>;
    recipient: string;
    channel: string;
    /** The text; a one-time code in it is `{code}` outside dev mode (the code is in `sealed`). */
    text: string;
    /** When the message was queued. */
    sent_at: string;
    /** What it is for: a one-time code's purpose, or `notification`. */
    purpose: string;
    /** The one-time code in plain text: kept in dev mode only, for the dev outbox. */
    code: string | null;
    challenge_id: string | null;
    /** queued, sent (accepted by the provider), delivered (the provider says so) or failed. */
    status: Generated<string>;
    attempts: Generated<number>;
    next_attempt_at: string | null;
    /** An instance sending it holds it until then. */
    lease_until: string | null;
    status_at: string | null;
    last_error: string | null;
    provider: string | null;
    provider_id: string | null;
    /** The one-time code, encrypted, until the message is sent or given up (then null). */
    sealed: string | null;
    subject: string | null;
    lang: string | null;
    /** A code past this instant is no use to anyone: the message fails instead of going out. */
    expires_at: string | null;
  };
  events: {
    id: Generated<number>;
    user_id: string;
    type: string;
    child_id: string | null;
    data: string;
    at: string;
  };
  versions: { scope: string; version: number };
  /** Rate-limit counters shared by every instance: hits of one key in the window ending at `reset_at` (epoch ms). */
  rate_limits: { key: string; count: number; reset_at: number };
  school_years: {
    id: string;
    school_id: string;
    /** `2026/2027`. */
    name: string;
    start_date: string;
    end_date: string;
    period_kind: string;
  };
  periods: {
    id: string;
    school_year_id: string;
    kind: string;
    number: number;
    name: string;
    start_date: string;
    end_date: string;
  };
  lessons: {
    id: string;
    class_id: string;
    date: string;
    number: number;
    start_time: string;
    end_time: string;
    subject_id: string;
    teacher_id: string;
    room: string;
    /** What the lesson was about, as the teacher wrote it in the journal. */
    topic: string | null;
    /** The weight and kind the lesson's marks get (a test lesson); null for the defaults. */
    mark_weight: number | null;
    mark_kind: string | null;
  };
  substitutions: {
    id: string;
    lesson_id: string;
    substitute_teacher_id: string;
    subject_id: string;
    reason: string;
    room: string | null;
    created_by: string;
    created_at: string;
  };
  homework: {
    id: string;
    lesson_id: string | null;
    class_id: string;
    subject_id: string;
    teacher_id: string;
    text: string;
    assigned_date: string;
    due_date: string;
    created_at: string;
    updated_at: string;
  };
  /** `attachment_id` names an `attachments` row (no foreign key: the tables come from two migrations). */
  homework_attachments: { homework_id: string; attachment_id: string; position: number };
  /** Homework a child's family ticked «сделано». */
  homework_done: { child_id: string; homework_id: string; done_by: string; done_at: string };
  attendance: {
    id: string;
    lesson_id: string;
    child_id: string;
    /** The lesson's date, kept for the child+date index. */
    date: string;
    status: string;
    reason: string | null;
    minutes_late: number | null;
    recorded_by: string;
    recorded_at: string;
  };
  marks: {
    id: string;
    child_id: string;
    subject_id: string;
    teacher_id: string;
    lesson_id: string | null;
    /** `1`–`5`, `pass` or `fail`. */
    value: string;
    weight: number;
    kind: string;
    date: string;
    comment: string | null;
    created_at: string;
    updated_at: string;
  };
  /** A journal batch a teacher sent, with its answer, so that sending it again changes nothing. */
  journal_batches: {
    teacher_id: string;
    id: string;
    lesson_id: string;
    response: string;
    created_at: string;
  };
  /** A planned assessment of a class in a subject; `lesson_id` when it is at a lesson. */
  planned_assessments: {
    id: string;
    class_id: string;
    subject_id: string;
    teacher_id: string;
    date: string;
    lesson_id: string | null;
    kind: string;
    topic: string;
    weight: number;
    created_at: string;
    updated_at: string;
  };
  final_marks: {
    id: string;
    child_id: string;
    subject_id: string;
    period_id: string;
    value: string;
    teacher_id: string;
    updated_at: string;
  };
  /** `subject_id` null: the threshold applies to every subject. */
  thresholds: {
    id: string;
    parent_id: string;
    child_id: string;
    subject_id: string | null;
    threshold: number;
    created_at: string;
  };
  threads: {
    id: string;
    child_id: string;
    teacher_id: string;
    participant_id: string;
    subject_id: string | null;
    title: string;
    created_at: string;
    last_message_at: string | null;
  };
  /** `id` is chosen by the client and unique per author; `seq` orders a thread and pages it. */
  messages: {
    seq: Generated<number>;
    id: string;
    thread_id: string;
    author_id: string;
    author_role: string;
    text: string;
    sent_at: string;
  };
  message_reads: { message_seq: number; user_id: string; read_at: string };
  attachments: {
    id: string;
    owner_id: string;
    name: string;
    size: number;
    content_type: string;
    sha256: string;
    storage_path: string;
    created_at: string;
    attached_to: string | null;
  };
  message_attachments: { message_seq: number; attachment_id: string; position: number };
  portfolio_items: {
    id: string;
    child_id: string;
    kind: string;
    title: string;
    description: string | null;
    date: string;
    subject_id: string | null;
    period_id: string | null;
    level: string | null;
    attachment_id: string | null;
    created_by: string;
    created_at: string;
  };
  portfolio_comments: {
    id: string;
    item_id: string;
    author_id: string;
    text: string;
    created_at: string;
  };
  news: {
    id: string;
    school_id: string;
    kind: string;
    title: string;
    body: string;
    event_date: string | null;
    /** `HH:MM` in the school's time zone, or null for an all-day event. */
    start_time: string | null;
    end_time: string | null;
    location: string | null;
    image_url: string | null;
    image_alt: string | null;
    author_id: string;
    published_at: string;
  };
  journal_notes: {
    id: string;
    child_id: string;
    author_id: string;
    date: string;
    kind: string;
    text: string;
    plan: string | null;
    created_at: string;
    updated_at: string;
  };
  notification_settings: {
    user_id: string;
    kind: string;
    in_app: number;
    sms: number;
    email: number;
  };
  digest_settings: { user_id: string; period: string };
  quiet_hours: { user_id: string; start_time: string; end_time: string; time_zone: string };
  assessment_reminder_settings: { user_id: string; days_before: number };
  tickets: {
    id: string;
    number: string;
    author_id: string;
    school_id: string | null;
    application_number: string | null;
    subject: string;
    status: string;
    created_at: string;
    updated_at: string;
  };
  ticket_messages: {
    id: string;
    ticket_id: string;
    author_id: string;
    author_role: string;
    text: string;
    at: string;
  };
  ticket_attachments: { message_id: string; attachment_id: string; position: number };
  absence_notices: {
    id: string;
    child_id: string;
    class_id: string;
    parent_id: string;
    from_date: string;
    to_date: string;
    /** `ill` or `absent_excused`. */
    reason: string;
    comment: string | null;
    /** 1 when the parent chose lessons, 0 for whole days. */
    chosen_lessons: number;
    attachment_id: string | null;
    created_at: string;
    acknowledged_by: string | null;
    acknowledged_at: string | null;
  };
  absence_notice_lessons: { notice_id: string; lesson_id: string };
  /** A school year's holidays: no lessons are made on their days. */
  holidays: {
    id: string;
    school_year_id: string;
    name: string;
    start_date: string;
    end_date: string;
  };
  /** A school's bell schedule: when lesson `number` starts and ends (`HH:MM`). */
  bells: { school_id: string; number: number; start_time: string; end_time: string };
  /** A school's final-mark thresholds; without a row, core's defaults (4.5, 3.5, 2.5). */
  final_mark_rounding: { school_id: string; five: number; four: number; three: number };
  /** A class's repeating week with its exceptions, as JSON of core's `TimetableTemplate`. */
  timetable_templates: { class_id: string; template: string; updated_at: string };
}

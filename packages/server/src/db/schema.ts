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
    snils: string | null;
    passport: string | null;
    school_id: string | null;
    contact_hours: string | null;
    identity_status: string;
    failed_logins: number;
    locked_until: string | null;
    created_at: string;
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
  };
  children: {
    id: string;
    last_name: string;
    first_name: string;
    middle_name: string | null;
    birth_date: string;
    sex: string;
    snils: string | null;
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
  school_links: {
    id: string;
    child_id: string;
    school_id: string;
    class_id: string;
    roster_id: string;
    linked_at: string;
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
  };
  login_attempts: { id: Generated<number>; ip: string; phone: string; at: string; success: number };
  ip_blocks: { ip: string; blocked_until: string; reason: string };
  audit: {
    id: string;
    at: string;
    actor_id: string | null;
    actor_role: string | null;
    school_id: string | null;
    action: string;
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
  outbox: {
    id: Generated<number>;
    recipient: string;
    channel: string;
    text: string;
    sent_at: string;
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
  tickets: {
    id: string;
    number: string;
    author_id: string;
    school_id: string | null;
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
}

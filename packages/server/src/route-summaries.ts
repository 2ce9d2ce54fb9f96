import type { Routes } from '@school-diary/core';

/** One line per operation of the route table, keyed like it: `routeSummaries.auth.login`. */
export type RouteSummaries = {
  readonly [G in keyof Routes]: { readonly [O in keyof Routes[G]]: string };
};

/**
 * The one-line summary of every operation in core's `routes`, for the OpenAPI document and API
 * references. Kept out of the route table itself so that browsers, which load the table through
 * the SDK, do not download English prose they never show (≈1.5 KB gzip).
 *
 * @example
 * routeSummaries.auth.login; // 'Check phone and password and send a one-time code'
 */
export const routeSummaries: RouteSummaries = {
  auth: {
    register: 'Register a parent account; an SMS code confirms the phone and identity',
    confirmIdentity: 'Confirm a registration with the SMS code',
    login: 'Check phone and password and send a one-time code',
    verify: 'Exchange the one-time code for tokens',
    resend: 'Send the one-time code again after the cooldown',
    refresh: 'Rotate the refresh token and get a new access token',
    logout: 'Revoke the session',
    me: 'The signed-in user',
    updateMe: 'Change one’s own names and e-mail',
    changePhone: 'Start moving the account to a new phone: a code goes to the new number',
    confirmPhone: 'Confirm the new phone with its code; the account moves to it',
    recoveryStart:
      'Start password recovery: a code goes to the phone (answers the same for unknown phones)',
    recoveryComplete: 'Set a new password with the recovery code; every session is revoked',
    providers: 'The identity providers (OpenID Connect) parents may sign in with',
    oidcStart: 'Start a sign-in at an identity provider; answers where to send the browser',
    oidcComplete: "Sign in with the ticket of a provider's answer, if its identity is linked",
    oidcLink: "Link a provider's identity to the account whose password and SMS code were proved",
    identities: "The caller's linked identity providers",
    unlinkIdentity: "Unlink the caller's identity at a provider",
    sessions: "The caller's signed-in sessions",
    revokeSession: 'Sign one of the caller’s sessions out',
    revokeOtherSessions: 'Sign out every session of the caller but this one',
    changePassword: 'Change the password with the current one; every other session is revoked',
    createHandoff:
      'Start a hand-off to another device: a one-time token for a QR code, valid for 2 minutes',
    handoff: 'Where one of the caller’s hand-offs stands, and the device that scanned it',
    decideHandoff: 'Let the device that scanned the QR code sign in, or refuse it',
    claimHandoff: 'Present a scanned hand-off token (once); answers the secret to collect with',
    redeemHandoff: 'Collect the session of a hand-off once its owner allowed it',
  },
  admin: {
    confirmIdentityInPerson: 'Mark a parent identity as confirmed in person (MFC path)',
    findUser: "Find a parent of the admin's school by phone, or anyone by phone and SNILS together",
    guardianClaims: "Second parents' pending claims to children of the admin's school",
    approveGuardian: 'Confirm a second parent as guardian of the child they claimed',
  },
  setup: {
    updateProfile:
      "Change the school's profile: name, address, levels, profiles, time zone, diary open",
    schoolYears: "The school's years with their periods",
    createSchoolYear: 'Add a school year with its quarters, trimesters or half-years',
    createClass: 'Add a class (form) for a school year',
    subjects: "The school's subjects",
    createSubject: 'Add a subject',
    setTeaching: 'Set who teaches which subject in a class (marks already given are kept)',
    roster: "The school's roster, pupils who left included",
    addToRoster: 'Put a pupil on the roster; the roster id is random, not guessable',
    moveOnRoster: 'Move a pupil to another class; their marks and messages stay theirs',
    leaveRoster: 'A pupil leaves the school: their diary stays readable, no longer writable',
    inviteStaff: 'Invite a teacher or an admin by phone: an SMS code lets them set a password',
    staff: "The school's teachers and admins, phones masked",
    updateClass: 'Rename a class, change its grade or homeroom teacher',
    removeClass: 'Delete a class nothing refers to yet (no pupils, lessons or homework)',
    updateSubject: 'Rename a subject',
    removeSubject: 'Delete a subject nothing refers to yet (no marks, lessons or homework)',
    updateSchoolYear: "Change a school year's name, dates and its periods' names and dates",
    removeSchoolYear: 'Delete a school year nothing refers to yet (no classes, marks or lessons)',
    holidays: "A school year's holidays",
    setHolidays: "Set a school year's holidays: no lessons are made on their days",
    bells: "The school's bell schedule",
    setBells: "Set the school's bell schedule: when each lesson starts and ends",
    rounding: "The school's final-mark rounding thresholds",
    setRounding: 'Set the averages that earn a final 5, 4 and 3 (the journal suggests by them)',
    timetableTemplate: "A class's repeating week of lessons with its exceptions",
    setTimetableTemplate:
      "Set a class's repeating week and its exceptions (moved, cancelled, replaced)",
    generateTimetable:
      'Make the lessons of a date range from the repeating week; lessons with marks stay',
  },
  imports: {
    preview:
      'Preview an import (roster CSV or XLSX, OneRoster bundle): what it would create, change, leave alone; errors by line and column',
    apply:
      'Apply an import in one transaction, only when the file has no error; re-running it changes nothing',
    status:
      'How far an import followed by its job id is: lines read, errors found, records written; whether it still runs',
    cancel:
      'Stop an import followed by its job id; an apply stopped before its commit changes nothing',
    exportRoster:
      "The school's roster as the import template (CSV for Excel), with each pupil's code for parents",
    exportTimetable:
      "The school's classes' repeating weeks as the timetable template (CSV for Excel), odd and even weeks marked; it imports back unchanged",
    exportOneRoster:
      "The school's roster, staff and teaching assignments as a OneRoster 1.2 CSV bundle (ZIP); it imports back unchanged",
  },
  children: {
    list: "The parent's children (a student sees themself)",
    search: "Find a child among the parent's records by surname, first name and birth date",
    create: 'Create a child card; an SMS code confirms it',
    get: 'One child',
    update: "Change a child card's names, birth date or documents, checked as on a new card",
    confirm: 'Confirm a child card with the SMS code',
    schoolLinks: "A child's school links",
    history: "Who changed a child's card, and which fields, when (the family only)",
    linkSchool:
      "Link a child to a school by school code and roster id, right after the card's SMS code",
    startSchoolChange:
      'Ask to link, unlink or change school; an SMS code to the parent confirms it',
    confirmSchoolChange:
      "Confirm a change of schools with the SMS code; withdraws the old school's applications; answers the links",
    teachers: "The child's teachers with subjects and contact hours",
    periods: "The school year and periods of the child's class",
  },
  schools: {
    search: 'Search the school registry by name, region, level and profile',
    get: 'A registry entry',
  },
  classes: {
    list: "Classes a teacher teaches, or all of an admin's school",
    students: 'The students of a class',
    marks: "A teacher's journal: one subject's marks for a class",
  },
  applications: {
    create: 'Apply for the diary service for a school year',
    list: "A parent's applications, or those of an admin's school",
    get: 'One application with its history',
    setStatus:
      'Move an application on: checking, ready, or rejected with a reason (never a withdrawn one)',
    activate: 'Activate a ready application',
  },
  grades: {
    list: "A child's marks in chronological order, filtered",
    summary: 'Per-subject averages and final marks for a period',
    comparison: 'Averages compared with the previous school year',
    csv: 'Marks as CSV (UTF-8 with BOM; `;` for spreadsheets in the Russian locale)',
    reportCard: "A period's report card (табель) as an A4 PDF, in Russian or English",
    finalMarks: "A child's final period marks",
    create: 'Enter a mark',
    update: 'Correct a mark (history kept in the audit log)',
    distribution:
      "How the class did on a mark's lesson work: counts of 5/4/3/2 from 5 pupils marked",
    history: 'What a mark was and became, when and by whom (removed marks too)',
    remove: 'Delete a mark',
    setFinal: 'Set a final period mark',
  },
  thresholds: {
    list: 'Alert thresholds for a child',
    set: 'Set the average below which the parent is alerted (per subject or for all)',
    remove: 'Remove a threshold',
  },
  schedule: {
    week: "A class's timetable for an ISO week, with substitutions and homework",
    setWeek: "Enter a week's timetable (replaces lessons without marks)",
    substitute: 'Substitute a lesson; affected families are notified',
    cancelSubstitution: 'Undo a substitution',
    substitutions: "History of a class's substitutions, filtered by date range",
  },
  homework: {
    list: "A child's homework by due date",
    create: 'Set homework for a lesson',
    update: 'Change homework',
    remove: 'Delete homework',
    setDone: 'Tick homework «сделано» for a child, or take the tick back',
  },
  assessments: {
    upcoming: "A child's planned tests and exams, from today on by default",
    forClass: "A class's planned tests and exams, for its teachers and the school's admins",
    create: 'A teacher plans a test of their class and subject; families are told',
    update: 'Change a planned test: date, lesson, kind, topic or weight',
    cancel: 'Cancel a planned test; families see it go',
  },
  attendance: {
    list: "A child's attendance with per-status totals",
    record: 'Record attendance for a lesson; families see it live',
    sheet: "A lesson's attendance sheet, pre-filled from absences reported ahead",
  },
  absences: {
    report: 'A parent reports their child absent ahead (dates or lessons, reason, a file)',
    list: "A child's absence notices with their acknowledged state",
    incoming: 'Absence notices a teacher is told of: their class and the lessons they teach',
    acknowledge: 'A teacher acknowledges an absence notice; the family sees it',
  },
  threads: {
    list: 'Threads of the signed-in user with unread counts',
    create: 'Open a thread with a teacher about a child',
    messages: 'A page of messages, oldest first; older pages by `before`',
    send: 'Send a message; the client-chosen id makes it idempotent',
    read: 'Mark messages read up to one (read receipts)',
    unread: 'Unread counts',
  },
  attachments: {
    upload: 'Upload a file (size limit and type allow-list)',
    download: 'Download a file, only for those who may see what it is attached to',
  },
  notifications: {
    list: 'The notification feed',
    markRead: 'Mark a notification read',
    markAllRead: 'Mark every notification read',
    settings: 'Notification settings per kind and channel, and the digest',
    updateSettings: 'Change notification settings',
  },
  portfolio: {
    list: "A child's portfolio, filtered by tag (subject, period, level), kind or words",
    create: 'Add a portfolio item',
    update: 'Change a portfolio item: its tags, text, date or file',
    remove: 'Remove a portfolio item',
    comment: 'Comment on a portfolio item; parents are notified',
  },
  news: {
    list: "A school's news and events",
    publish: "Publish news or an event to the school's families",
    get: 'One news item or event, for those who may read its school’s news',
    remove: 'Remove news',
  },
  notes: {
    list: "The parent's private journal about a child",
    create: 'Write a journal note',
    update: 'Change a note',
    remove: 'Delete a note',
  },
  journal: {
    get: "One class × subject × period of the teacher's journal: roster, lessons, cells, averages and suggested finals",
    save: "A lesson's marks and absences as one idempotent batch, with per-row results and conflicts",
  },
  support: {
    create: 'Open a support ticket',
    list: "The user's tickets (an admin sees their school's)",
    get: 'A ticket with its conversation',
    reply: 'Reply to a ticket',
    setStatus: "Change a ticket's status",
  },
  audit: {
    list: "The school's audit log",
  },
  events: {
    stream: 'Live events of the signed-in user (server-sent events, resumable with Last-Event-ID)',
  },
  dev: {
    sentMessages:
      'Messages kept by the dev SMS/e-mail gateway, newest first, at most 200; a one-time code comes with its code, challengeId and purpose (only with --dev)',
  },
};

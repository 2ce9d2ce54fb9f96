import { classSchema, schoolSchema, subjectSchema } from '../../schemas/school.js';
import { listOf } from '../../schemas/common.js';
import {
  classInputSchema,
  rosterEntryInputSchema,
  rosterEntrySchema,
  rosterLeaveInputSchema,
  rosterMoveInputSchema,
  schoolProfileInputSchema,
  schoolYearInputSchema,
  schoolYearSchemaFull,
  staffInvitationSchema,
  staffInviteInputSchema,
  subjectInputSchema,
  teachingInputSchema,
  teachingSchema,
} from '../../schemas/school-setup.js';
import {
  bellScheduleSchema,
  classUpdateInputSchema,
  finalMarkRoundingSchema,
  holidaysSchema,
  schoolYearUpdateInputSchema,
  staffMemberSchema,
  subjectUpdateInputSchema,
} from '../../schemas/school-setup-edit.js';
import {
  timetableGenerateInputSchema,
  timetableGenerateResultSchema,
  timetableTemplateSchema,
} from '../../schemas/timetable-template.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.setup;

/** The operations of `setup` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  updateProfile: withSchemas(m.updateProfile, {
    body: schoolProfileInputSchema,
    response: schoolSchema,
  }),
  schoolYears: withSchemas(m.schoolYears, { response: listOf(schoolYearSchemaFull) }),
  createSchoolYear: withSchemas(m.createSchoolYear, {
    body: schoolYearInputSchema,
    response: schoolYearSchemaFull,
  }),
  createClass: withSchemas(m.createClass, { body: classInputSchema, response: classSchema }),
  subjects: withSchemas(m.subjects, { response: listOf(subjectSchema) }),
  createSubject: withSchemas(m.createSubject, {
    body: subjectInputSchema,
    response: subjectSchema,
  }),
  setTeaching: withSchemas(m.setTeaching, {
    body: teachingInputSchema,
    response: listOf(teachingSchema),
  }),
  roster: withSchemas(m.roster, { response: listOf(rosterEntrySchema) }),
  addToRoster: withSchemas(m.addToRoster, {
    body: rosterEntryInputSchema,
    response: rosterEntrySchema,
  }),
  moveOnRoster: withSchemas(m.moveOnRoster, {
    body: rosterMoveInputSchema,
    response: rosterEntrySchema,
  }),
  leaveRoster: withSchemas(m.leaveRoster, {
    body: rosterLeaveInputSchema,
    response: rosterEntrySchema,
  }),
  inviteStaff: withSchemas(m.inviteStaff, {
    body: staffInviteInputSchema,
    response: staffInvitationSchema,
  }),
  staff: withSchemas(m.staff, { response: listOf(staffMemberSchema) }),
  updateClass: withSchemas(m.updateClass, { body: classUpdateInputSchema, response: classSchema }),
  removeClass: withSchemas(m.removeClass, {}),
  updateSubject: withSchemas(m.updateSubject, {
    body: subjectUpdateInputSchema,
    response: subjectSchema,
  }),
  removeSubject: withSchemas(m.removeSubject, {}),
  updateSchoolYear: withSchemas(m.updateSchoolYear, {
    body: schoolYearUpdateInputSchema,
    response: schoolYearSchemaFull,
  }),
  removeSchoolYear: withSchemas(m.removeSchoolYear, {}),
  holidays: withSchemas(m.holidays, { response: holidaysSchema }),
  setHolidays: withSchemas(m.setHolidays, { body: holidaysSchema, response: holidaysSchema }),
  bells: withSchemas(m.bells, { response: bellScheduleSchema }),
  setBells: withSchemas(m.setBells, { body: bellScheduleSchema, response: bellScheduleSchema }),
  rounding: withSchemas(m.rounding, { response: finalMarkRoundingSchema }),
  setRounding: withSchemas(m.setRounding, {
    body: finalMarkRoundingSchema,
    response: finalMarkRoundingSchema,
  }),
  timetableTemplate: withSchemas(m.timetableTemplate, { response: timetableTemplateSchema }),
  setTimetableTemplate: withSchemas(m.setTimetableTemplate, {
    body: timetableTemplateSchema,
    response: timetableTemplateSchema,
  }),
  generateTimetable: withSchemas(m.generateTimetable, {
    body: timetableGenerateInputSchema,
    response: timetableGenerateResultSchema,
  }),
};

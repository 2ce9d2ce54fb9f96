// The import's file formats: the Russian roster and timetable templates' column rules.

export * from './ru-template.js';
export * from './timetable-template.js';

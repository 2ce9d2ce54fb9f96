// The import's file formats: the Russian roster template's column rules.

export * from './ru-template.js';

// The schema of live events, loaded on the first event (events.ts): it takes in the schemas of
// marks, messages, homework and more, which a page that never listens to events does not need.
export { liveEventSchema } from '@school-diary/core';

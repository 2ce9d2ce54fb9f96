// The wording of marks and kinds of work is core's, shared with the server's notifications and the
// CSV export; the widgets import it from here.
export { workKindName, markValueText } from '@school-diary/core';

// What docs/frameworks.md tells a Vue app to declare once: the kit's template types.
import type {} from '@school-diary/elements/vue';

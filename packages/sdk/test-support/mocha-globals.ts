// Test-only: the globals web-test-runner's mocha provides in the browser, typed for the compiler
// (the root program has no DOM library and no @types/mocha).
declare global {
  function describe(name: string, body: () => void): void;
  function it(name: string, body: () => Promise<void> | void): void;
  function before(body: () => Promise<void> | void): void;
  function after(body: () => Promise<void> | void): void;
  function beforeEach(body: () => Promise<void> | void): void;
  function afterEach(body: () => Promise<void> | void): void;
}

export {};

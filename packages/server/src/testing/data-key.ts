import { DataKeyring } from '../services/data-keys';

/** The data key of every test server (and of the CLI processes tests start). */
export const TEST_DATA_KEY = Buffer.alloc(32, 0x5d).toString('base64');

/** A keyring holding {@link TEST_DATA_KEY} alone. */
export function testDataKeys(): DataKeyring {
  return DataKeyring.parse(TEST_DATA_KEY, 'the test data key');
}

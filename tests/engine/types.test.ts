// The computed-column marker is the contract between the engine and recognition: keep it stable.
import { COMPUTED_HEADER_MARKER } from '../../src/engine/types';

test('computed headers are marked with a full-width （自动）', () => {
  expect(COMPUTED_HEADER_MARKER).toBe('（自动）');
});

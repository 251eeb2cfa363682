import { phaseGridOf } from '../../core/explore/phase-spec';
import type { Config } from '../../core/params/param-table';
import { simQuery } from '../state/store';

/** The grid itself is the core's (src/core/explore/phase-spec.ts): `npm run sim -- --phase` takes the same one. */
export { phaseGridOf };

/** The problem's query without η and B: the grid does not depend on them, so moving them keeps it. */
export function problemQueryOf(config: Config): string {
  return simQuery({ ...config, eta: 1, B: 1 });
}

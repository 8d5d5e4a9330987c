// The official SDK 2.0.0 over Flagwright's datafile type (its own types are stricter about operator names).
import { createInstance } from '@featurevisor/sdk';
import type { DatafileV2 } from '../../src/model/datafile.ts';

export type OfficialInstance = ReturnType<typeof createInstance>;
export type OfficialContext = Parameters<OfficialInstance['isEnabled']>[1];

export function officialSdk(datafile: DatafileV2): OfficialInstance {
  return createInstance({ datafile: datafile as unknown as Parameters<typeof createInstance>[0]['datafile'], logLevel: 'fatal' });
}

// What a list-format reader hands back: drafts numbered by record, and the records it refused.
import type { InvalidRecord } from '../formats/backup';
import type { RuleDraft } from '../rule';

export type { InvalidRecord } from '../formats/backup';

export type ListRead =
  | { kind: 'ok'; title: string; drafts: { record: number; draft: RuleDraft }[]; invalid: InvalidRecord[] }
  | { kind: 'invalid'; error: string };

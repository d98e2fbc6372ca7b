export interface SubsidyCommandResult {
  caseId: string;
  status: string;
  version: number;
  /** Log position of the last event appended (null when nothing changed): pass as ?position= to read it back. */
  position: number | null;
}

/**
 * What a caller asks of one enterprise's stream. `at` is the instant the bureau recorded the request,
 * supplied by the handler: decide never reads the clock.
 */
export interface RegisterEnterprise {
  type: 'RegisterEnterprise';
  uscc: string;
  name: string;
  address: string;
  park: string;
  industry: string;
  at: string;
}

export interface RenameEnterprise {
  type: 'RenameEnterprise';
  uscc: string;
  /** The new name. */
  name: string;
  effectiveOn: string;
  at: string;
}

export interface RelocateEnterprise {
  type: 'RelocateEnterprise';
  uscc: string;
  address: string;
  park: string;
  effectiveOn: string;
  at: string;
}

export type EnterpriseCommand = RegisterEnterprise | RenameEnterprise | RelocateEnterprise;

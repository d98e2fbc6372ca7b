/**
 * What a published list (公告) says of one grant: the columns of an announced list, the fields a grant
 * command takes, and what every read of a certification window starts from. One shape, used everywhere.
 */
export interface AnnouncedGrant {
  uscc: string;
  type: string;
  level: string;
  /** The announced list it came on, e.g. "2024年第一批". */
  batch: string;
  documentNumber: string;
  /** The day the list was published; often after validFrom, sometimes before. Both are kept. */
  announcedOn: string;
  validFrom: string;
}

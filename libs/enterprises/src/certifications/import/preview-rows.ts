import { checkUscc } from '../../domain/uscc';
import { certificationIdFor } from '../domain/certification.state';
import { CERTIFICATION_TYPES, CERTIFICATION_TYPE_CODES, certificationRule, isCertificationType } from '../domain/certification-types';
import { checkGrant } from '../domain/grant-rules';
import type { AnnouncedGrant } from '../domain/announced-grant';
import type { RawImportRow } from './sheet-columns';
import { appendTo } from '@app/platform/collections/group-by';

export type PreviewStatus = 'ok' | 'error' | 'duplicate' | 'overlap' | 'unknown_enterprise';

export interface PreviewRow extends AnnouncedGrant {
  row: number;
  status: PreviewStatus;
  errors: { field: string; message: string }[];
  name: string;
  /** As given, or derived from the type's rule when the column was left empty. */
  validTo: string;
  /** Null on rows with errors. */
  certificationId: string | null;
  /** unknown_enterprise: commit with registerUnknown registers it under the name in the sheet. */
  canRegister?: boolean;
  /** duplicate: the earlier row with the same enterprise, type, level and batch. */
  duplicateOf?: number;
  /** overlap: the earlier row granting the same enterprise the same type and level for an overlapping window. */
  overlapsRow?: number;
}

const squash = (text: string) => text.replace(/[\s"“”「」]/g, '');
const LEVEL_WORDS: Record<string, string> = { 省级: 'province', 省: 'province', province: 'province', 国家级: 'national', 国家: 'national', national: 'national' };

/** A type as written on a list: its code, Chinese name or an alias; "省级单项冠军" also implies the level. */
export function resolveType(text: string): { type: string; impliedLevel?: string } {
  const wanted = squash(text);
  const match = (t: string) => CERTIFICATION_TYPE_CODES.find((code) => [code, CERTIFICATION_TYPES[code].name, ...CERTIFICATION_TYPES[code].aliases].some((n) => squash(n) === t));
  const direct = match(wanted);
  if (direct) return { type: direct };
  const prefixed = /^(省级|国家级)(.+)$/.exec(wanted);
  const stripped = prefixed ? match(prefixed[2]) : undefined;
  if (prefixed && stripped) return { type: stripped, impliedLevel: LEVEL_WORDS[prefixed[1]] };
  return { type: text.trim() };
}

/** 2024/3/1, 2024.3.1 and 2024年3月1日 as 2024-03-01; anything else is left for the date rule to refuse. */
export function normaliseDate(text: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text.trim();
}

/**
 * Checks every row on its own (the decider's grant rules), then across the file (duplicates, and windows
 * of one firm that overlap — the decider would refuse the second at commit), then against the registry
 * (known enterprises). Pure: the caller says which USCCs are registered.
 */
export function previewRows(raw: readonly RawImportRow[], registered: ReadonlySet<string>): PreviewRow[] {
  const firstRowOf = new Map<string, number>();
  const windowsOf = new Map<string, { row: number; validFrom: string; validTo: string }[]>();
  return raw.map((r) => {
    const errors: { field: string; message: string }[] = [];
    const uscc = r.uscc.trim().toUpperCase();
    const usccCheck = checkUscc(uscc);
    if (!usccCheck.valid) errors.push({ field: 'uscc', message: usccCheck.message });
    if (r.name.trim() === '') errors.push({ field: 'name', message: 'must not be empty' });
    const { type, impliedLevel } = resolveType(r.type);
    const levelText = r.level.trim();
    const level =
      LEVEL_WORDS[levelText] ??
      (levelText === '' ? (impliedLevel ?? (isCertificationType(type) && certificationRule(type).levels.length === 1 ? certificationRule(type).levels[0] : '')) : levelText);
    const input = {
      certificationType: type,
      level,
      batch: r.batch.trim(),
      documentNumber: r.documentNumber.trim(),
      announcedOn: normaliseDate(r.announcedOn),
      validFrom: normaliseDate(r.validFrom),
      validTo: r.validTo.trim() === '' ? undefined : normaliseDate(r.validTo),
    };
    const checked = checkGrant(input);
    errors.push(...checked.errors.map(({ field, message }) => ({ field, message })));
    const base = {
      row: r.row,
      errors,
      name: r.name.trim(),
      uscc,
      type,
      level,
      batch: input.batch,
      documentNumber: input.documentNumber,
      announcedOn: input.announcedOn,
      validFrom: input.validFrom,
      validTo: checked.grant?.validTo ?? input.validTo ?? '',
    };
    if (errors.length > 0 || checked.grant === null) return { ...base, status: 'error' as const, certificationId: null };
    const certificationId = certificationIdFor(uscc, type, level, input.batch);
    const earlier = firstRowOf.get(certificationId);
    if (earlier !== undefined) {
      errors.push({ field: 'row', message: `the same enterprise, type, level and batch as row ${earlier}` });
      return { ...base, status: 'duplicate' as const, certificationId, duplicateOf: earlier };
    }
    firstRowOf.set(certificationId, r.row);
    const grant = checked.grant;
    const sameFirm = `${uscc}|${type}|${level}`;
    const earlierWindows = windowsOf.get(sameFirm) ?? [];
    // As the decider: 高企 re-applications may overlap (a later certificate supersedes the earlier one).
    const mayOverlap = isCertificationType(type) && certificationRule(type).reapplicationMayOverlap;
    const overlapping = mayOverlap ? undefined : earlierWindows.find((w) => grant.validFrom <= w.validTo && w.validFrom <= grant.validTo);
    if (overlapping) {
      errors.push({
        field: 'validFrom',
        message: `overlaps row ${overlapping.row} (the same enterprise, type and level valid ${overlapping.validFrom} – ${overlapping.validTo}); a second window while one runs should be a 复核`,
      });
      return { ...base, status: 'overlap' as const, certificationId, overlapsRow: overlapping.row };
    }
    appendTo(windowsOf, sameFirm, { row: r.row, validFrom: grant.validFrom, validTo: grant.validTo });
    if (!registered.has(uscc)) {
      errors.push({ field: 'uscc', message: `no enterprise ${uscc} is registered; commit with registerUnknown to register it as ${base.name}` });
      return { ...base, status: 'unknown_enterprise' as const, certificationId, canRegister: true };
    }
    return { ...base, status: 'ok' as const, certificationId };
  });
}

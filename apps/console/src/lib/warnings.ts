/** 三色预警 as the bureau says it: red 超期, yellow 延期申请中或超时未签收, blue 临近期限. */
export type WarningColour = 'red' | 'yellow' | 'blue';

export const WARNING_LABELS: Record<WarningColour, string> = { red: '红色预警（超期）', yellow: '黄色预警（延期/未签收）', blue: '蓝色预警（临近期限）' };

/** The short tag shown on a row. */
export const WARNING_TAGS: Record<WarningColour, string> = { red: '红', yellow: '黄', blue: '蓝' };

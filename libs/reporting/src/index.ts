// The reporting context's public surface (月报). Import from '@app/reporting', never from its files.
export * from './reporting.module';
export * from './monthly-summary/domain/month';
export * from './monthly-summary/domain/monthly-summary.figures';
export * from './monthly-summary/domain/monthly-summary.events';
export * from './monthly-summary/domain/monthly-summary.decider';
export * from './monthly-summary/application/generate-monthly-summary';
export * from './monthly-summary/application/compute-figures';
export * from './monthly-summary/read-model/monthly-summary.row';
export * from './monthly-summary/read-model/monthly-summary.query';
export * from './monthly-summary/outputs/narrative';
export * from './monthly-summary/outputs/summary-workbook';
export * from './monthly-summary/outputs/spreadsheet-text';
export * from './unit-digest/domain/unit-digest.events';
export * from './unit-digest/domain/unit-digest.decider';
export * from './unit-digest/application/generate-unit-digest';
export * from './unit-digest/read-model/unit-digest.row';
export * from './unit-digest/read-model/unit-digest.query';

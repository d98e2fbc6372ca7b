import { Module } from '@nestjs/common';
import { DemoLoader } from './loader/demo-loader';
import { RecordDemoLoadHandler } from './marker/record-demo-load';

/**
 * The demo zone's loader and marker. Imported only by the process that loads the demo (`npm run demo`),
 * next to the API's own modules: it uses their command handlers, the jobs' runner and the users service.
 */
@Module({ providers: [DemoLoader, RecordDemoLoadHandler], exports: [DemoLoader] })
export class DemoModule {}

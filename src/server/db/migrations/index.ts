/**
 * All migrations, listed statically: the server is bundled into one file by esbuild, so a
 * provider that reads a folder at run time would find nothing. Add new ones at the end.
 */
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m001 from './001_initial';
import * as m002 from './002_idempotency_questions_settings';
import * as m003 from './003_documents';
import * as m004 from './004_appointments';
import * as m005 from './005_staff_audit';
import * as m006 from './006_assist';
import * as m008 from './008_notifications';
import * as m009 from './009_reminder_indexes';
import * as m010 from './010_idp_models';
import * as m011 from './011_question_answers';
import * as m012 from './012_appointment_arrival';

const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_idempotency_questions_settings': m002,
  '003_documents': m003,
  '004_appointments': m004,
  '005_staff_audit': m005,
  '006_assist': m006,
  '008_notifications': m008,
  '009_reminder_indexes': m009,
  '010_idp_models': m010,
  '011_question_answers': m011,
  '012_appointment_arrival': m012,
};

/** How many migrations this build has: readiness waits until the database has all of them. */
export const migrationCount = Object.keys(migrations).length;

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
